// Markup to text blocks: the one walk shared by the readers whose content
// is HTML or XHTML (web pages, MHTML, DOCX through mammoth, EPUB chapters).
// Paragraphs, headings, list items, table cells, quotes and preformatted
// text each become a block; inline elements run together; `<br>` is a line
// break inside a block. Only text nodes are read: no attribute, URL, style,
// script or image ever reaches a block.
import { ELEMENT_NODE, parseHtmlDocument, TEXT_NODE, type DomNode } from './dom'

/** Elements whose content is never text of the article. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'button',
  'select',
  'input',
  'textarea',
  'form',
  'head',
])

/** Elements that end the block before them and start one of their own. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])

/** The text blocks of an element's content, in document order. */
export function blocksOf(root: DomNode): string[] {
  const blocks: string[] = []
  let current = ''
  const flush = () => {
    const block = current
      .split('\n')
      .map((line) =>
        line.replace(/[ \t\r\f\u00a0]+/g, (s) => (s.includes('\u00a0') ? '\u00a0' : ' ')).trim(),
      )
      .join('\n')
      .replace(/^\n+|\n+$/g, '')
    if (block) blocks.push(block)
    current = ''
  }
  const walk = (node: DomNode, pre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? ''
      current += pre ? text : text.replace(/[ \t\r\n\f]+/g, ' ')
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const name = node.nodeName.toLowerCase().replace(/^.*:/, '')
    if (SKIPPED.has(name)) return
    if (name === 'br') {
      current += '\n'
      return
    }
    const block = BLOCKS.has(name)
    if (block) flush()
    const kids = node.childNodes
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, pre || name === 'pre')
    if (block) flush()
  }
  walk(root, false)
  flush()
  return blocks
}

/** The text blocks of an HTML fragment or document (parsed as markup only: nothing runs, nothing loads). */
export function htmlToBlocks(html: string): string[] {
  const document = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`)
  return document.body ? blocksOf(document.body) : []
}
