// Sources for officeFixture (office-fixtures.ts): flat ODF documents that
// we write as text, for LibreOffice to save as the formats analysts bring
// (plain text in a chosen encoding, CSV, XLSX…). Nothing here converts.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Text of one ODF paragraph: `\n` becomes a line break, runs of spaces stay spaces. */
function paragraphContent(s: string): string {
  return s
    .split('\n')
    .map((line) => esc(line).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`))
    .join('<text:line-break/>')
}

/**
 * A flat ODF text document (.fodt) with one paragraph per string, an empty
 * paragraph between them (a blank line once saved as text); `\n` inside a
 * string is a line break.
 */
export function fodt(paragraphs: readonly string[]): string {
  const body = paragraphs.map((p) => `<text:p>${paragraphContent(p)}</text:p>`).join('<text:p/>\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`
}

/** A spreadsheet cell: text (lines become paragraphs), a number, a date, a boolean, or empty. */
export type SheetCell =
  | string
  | null
  | { number: number; style?: string }
  | { date: string; style?: string }
  | { boolean: boolean }
  /** A time of day, `PT14H30M00S`. */
  | { time: string; style?: string }
  /** A cell spanning columns and rows (merged). */
  | { merged: string; columns: number; rows: number }

function cell(c: SheetCell): string {
  if (c === null) return '<table:table-cell/>'
  if (typeof c === 'string')
    return `<table:table-cell office:value-type="string">${c
      .split('\n')
      .map((line) => `<text:p>${paragraphContent(line)}</text:p>`)
      .join('')}</table:table-cell>`
  if ('merged' in c)
    return `<table:table-cell table:number-columns-spanned="${c.columns}" table:number-rows-spanned="${c.rows}" office:value-type="string"><text:p>${esc(c.merged)}</text:p></table:table-cell>${'<table:covered-table-cell/>'.repeat(c.columns - 1)}`
  if ('boolean' in c)
    return `<table:table-cell office:value-type="boolean" office:boolean-value="${c.boolean}"><text:p>${c.boolean ? 'TRUE' : 'FALSE'}</text:p></table:table-cell>`
  const style = c.style ? ` table:style-name="${c.style}"` : ''
  if ('time' in c)
    return `<table:table-cell${style} office:value-type="time" office:time-value="${c.time}"><text:p>${c.time}</text:p></table:table-cell>`
  if ('date' in c)
    return `<table:table-cell${style} office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`
  return `<table:table-cell${style} office:value-type="float" office:value="${c.number}"><text:p>${c.number}</text:p></table:table-cell>`
}

/**
 * A flat ODF spreadsheet (.fods): sheets by name, rows of cells. Cell
 * styles: `ceIso` (YYYY-MM-DD), `ceDmy` (DD/MM/YYYY), `ceLong` (12 March
 * 2025), `ceDateTime` (a date and a time), `ceTime` (a time of day alone),
 * `ceGrouped` (1,234.5).
 */
export function fods(sheets: Record<string, readonly (readonly SheetCell[])[]>): string {
  const tables = Object.entries(sheets)
    .map(
      ([name, rows]) =>
        `<table:table table:name="${esc(name)}">\n${rows
          .map((r) => `<table:table-row>${r.map(cell).join('')}</table:table-row>`)
          .join('\n')}\n</table:table>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
  <office:automatic-styles>
    <number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
    <number:date-style style:name="dmy"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
    <number:date-style style:name="long"><number:day/><number:text> </number:text><number:month number:textual="true"/><number:text> </number:text><number:year number:style="long"/></number:date-style>
    <number:date-style style:name="datetime"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
    <number:time-style style:name="time"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>
    <number:number-style style:name="grouped"><number:number number:decimal-places="1" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
    <style:style style:name="ceIso" style:family="table-cell" style:data-style-name="iso"/>
    <style:style style:name="ceDmy" style:family="table-cell" style:data-style-name="dmy"/>
    <style:style style:name="ceLong" style:family="table-cell" style:data-style-name="long"/>
    <style:style style:name="ceDateTime" style:family="table-cell" style:data-style-name="datetime"/>
    <style:style style:name="ceTime" style:family="table-cell" style:data-style-name="time"/>
    <style:style style:name="ceGrouped" style:family="table-cell" style:data-style-name="grouped"/>
  </office:automatic-styles>
  <office:body><office:spreadsheet>
${tables}
  </office:spreadsheet></office:body>
</office:document>
`
}
