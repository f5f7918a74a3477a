// A linear scan of XML into open tags, close tags and text, for the parts
// of an XLSX (workbook, relationships, styles, shared strings, sheets):
// a sheet of 20,000 rows is millions of tags, too many for a DOM, and a
// hostile one may nest deeper than a tree walk should go. Names lose their
// namespace prefix (`x:c` is `c`); the five XML entities and character
// references are decoded; a DTD is skipped whole, so its entities are
// never declared, let alone expanded (`&lol;` stays as written).
// It must never: expand an entity, fetch anything, or look at a character
// more than a bounded number of times.
import { FormatError } from './types'

export type XmlEvent =
  | { type: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string }

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Text with the XML entities and character references decoded; any other `&name;` is kept as it is. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    const valid =
      code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe
    return valid ? String.fromCodePoint(code) : '\uFFFD'
  })
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

const NAME = /[^\s/>]+/y
const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y
const TAG_END = /\s*(\/?)>/y
const DOCTYPE_END = /\]\s*>/g

const corrupt = (at: number, what: string) => new FormatError('corrupt', `XML: ${what} at ${at}`)

/** The events of `xml`, in order. Throws FormatError('corrupt') for a tag that never ends. */
export function* xmlEvents(xml: string): Generator<XmlEvent> {
  let i = 0
  const n = xml.length
  while (i < n) {
    const lt = xml.indexOf('<', i)
    const textEnd = lt === -1 ? n : lt
    if (textEnd > i) yield { type: 'text', text: decodeEntities(xml.slice(i, textEnd)) }
    if (lt === -1) return
    const skipTo = (end: string, from: number) => {
      const at = xml.indexOf(end, from)
      if (at === -1) throw corrupt(lt, `unclosed ${xml.slice(lt, lt + 9)}`)
      return at + end.length
    }
    if (xml.startsWith('<?', lt)) i = skipTo('?>', lt + 2)
    else if (xml.startsWith('<!--', lt)) i = skipTo('-->', lt + 4)
    else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9)
      if (end === -1) throw corrupt(lt, 'unclosed CDATA')
      yield { type: 'text', text: xml.slice(lt + 9, end) }
      i = end + 3
    } else if (xml.startsWith('<!', lt)) {
      // A DOCTYPE, its internal subset skipped whole.
      const gt = xml.indexOf('>', lt)
      if (gt === -1) throw corrupt(lt, 'unclosed declaration')
      // Looked for before `>` only: many declarations must not each scan the rest of the file.
      const bracket = xml.slice(lt, gt).indexOf('[')
      if (bracket !== -1) {
        DOCTYPE_END.lastIndex = lt + bracket
        if (!DOCTYPE_END.exec(xml)) throw corrupt(lt, 'unclosed DOCTYPE')
        i = DOCTYPE_END.lastIndex
      } else i = gt + 1
    } else if (xml[lt + 1] === '/') {
      const gt = xml.indexOf('>', lt)
      if (gt === -1) throw corrupt(lt, 'unclosed end tag')
      yield { type: 'close', name: localName(xml.slice(lt + 2, gt).trim()) }
      i = gt + 1
    } else {
      NAME.lastIndex = lt + 1
      const name = NAME.exec(xml)
      if (!name) throw corrupt(lt, 'a tag without a name')
      let at = NAME.lastIndex
      const attributes: Record<string, string> = {}
      for (;;) {
        ATTRIBUTE.lastIndex = at
        const a = ATTRIBUTE.exec(xml)
        if (!a) break
        attributes[localName(a[1]!)] = decodeEntities(a[2] ?? a[3] ?? '')
        at = ATTRIBUTE.lastIndex
      }
      TAG_END.lastIndex = at
      const end = TAG_END.exec(xml)
      if (!end) throw corrupt(lt, 'a tag that never ends')
      yield { type: 'open', name: localName(name[0]), attributes, selfClosing: end[1] === '/' }
      i = TAG_END.lastIndex
    }
  }
}
