// The main process's texts about reading articles in other formats (web
// pages, Word, PDF, OpenDocument, EPUB, spreadsheets, text encodings), in
// English; spread into MAIN_MESSAGES_EN. Each `main.format.*` is a reason,
// shown after the file's name in the report of "Add articles…". The French
// is in src/renderer/src/i18n/import-fr.ts. Pure: no Node, no DOM.
export const IMPORT_MESSAGES_EN = {
  'main.format.unsupported':
    'Gloss does not read this kind of file (it reads text, Markdown, web pages, Word, OpenDocument, PDF, EPUB, CSV and Excel files)',
  'main.format.corrupt': 'the file is damaged or incomplete',
  'main.format.encrypted':
    'the file is protected by a password or encrypted; open it, save it without protection, and add it again',
  'main.format.scanned': 'no text found; Gloss does not read scanned pages (OCR)',
  'main.format.noText': 'no text found in it',
  'main.format.tooLarge': 'it is too large or unpacks to too much to be an article',
  'main.format.oldFormat':
    'it is in an old binary format (Word 97–2003 or Excel 97–2003); save it as .docx or .xlsx and add it again',
  'main.format.cancelled': 'cancelled',
  'main.format.detail': '{reason} ({detail})',
  'main.format.tableOpen':
    'it is a table of articles: open a session (or the sample), then add it with Add articles… to choose its columns',
  'main.format.table': 'it is a table of articles: choose its columns to add its rows',
  'main.table.emptyText': 'row {row}: the text cell is empty',
  'main.table.duplicateRow': 'row {row}: the same text as row {first}',
  'main.table.badDate': 'row {row}: “{value}” is not a date; the row was added without it',
  'main.table.badValue':
    'row {row}: “{value}” does not fit the attribute “{name}”; the row was added without it',
  'main.table.columnsDropped':
    'a session holds at most {max} attributes: these columns were not added as attributes: {columns}',
  'main.table.columnsDroppedMore':
    'a session holds at most {max} attributes: these columns were not added as attributes: {columns} and {count} more',
  'main.table.noTextColumn': 'choose the column that holds the articles’ text',
  'main.table.gone': 'This table is no longer ready; add the file again.',
} as const
