// The main process's texts about session copies in one file ("Save a copy
// as one file…", opening such a copy), in English; spread into
// MAIN_MESSAGES_EN. The French is in src/renderer/src/i18n/portable-fr.ts.
// Pure: no Node, no DOM.
export const PORTABLE_MESSAGES_EN = {
  'main.copy.cannotOpen': 'Cannot open the session copy {file}: {problem}.',
  'main.copy.cannotSave': 'Cannot save a copy of the session: {problem}.',
  'main.copy.brokenArticle':
    'the article “{title}” cannot be read, so the session cannot be copied whole',
  'main.copy.notZip': 'it is not a Gloss session copy (not a zip file)',
  'main.copy.zip64': 'it uses the ZIP64 format, which a Gloss session copy never needs',
  'main.copy.tooLarge': 'it is larger than {limit}',
  'main.copy.unpacksTooLarge': 'it unpacks to more than {limit}',
  'main.copy.tooManyFiles': 'it holds more than {limit} files',
  'main.copy.strangeFile': 'it holds “{name}”, which is not a file of a Gloss session',
  'main.copy.twice': 'it holds “{name}” twice',
  'main.copy.link': '“{name}” is a link, which a session copy never holds',
  'main.copy.encrypted': '“{name}” is encrypted',
  'main.copy.method': '“{name}” is compressed in a way Gloss does not read',
  'main.copy.bomb':
    '“{name}” would unpack to {ratio} times its size, as a zip bomb does, not a session',
  'main.copy.damagedEntry': '“{name}” is damaged ({detail})',
  'main.copy.noIndex': 'it holds no session.json',
  'main.copy.articleBroken': 'the article “{title}” in it cannot be read ({file}: {problem})',
  'main.notice.copyOpened':
    'Opened the session copy {file}. Gloss keeps working on it in the folder {folder}, in your sessions; the copy itself is left as it is.',
  'main.notice.copyOfExisting':
    'The session copy {file} is of a session you already have ({existing}). It was opened as a separate session in the folder {folder}, so that both stay as they are.',
} as const
