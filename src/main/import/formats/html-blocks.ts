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
  'title',
  'frame',
  'frameset',
  'noframes',
  'applet',
  'map',
  'datalist',
])

/** Elements that end the block before them and start one of their own. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
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
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
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

/** A step of the walk: a node to read, or the end of a block element (its block is closed). */
interface Step {
  node: DomNode
  pre: boolean
  close: boolean
}

/**
 * The text blocks of an element's content, in document order. The walk
 * keeps its own stack: markup nested thousands deep (hostile or broken
 * pages) cannot overflow the call stack.
 */
export function blocksOf(root: DomNode): string[] {
  const blocks: string[] = []
  let current = ''
  // A block from <pre> keeps its spaces and indentation (a poem, a listing).
  let preformatted = false
  const flush = () => {
    const block = current
      .split('\n')
      .map((line) =>
        preformatted
          ? line.replace(/[ \t\r\f]+$/, '')
          : line
              .replace(/[ \t\r\f\u00a0]+/g, (s) => (s.includes('\u00a0') ? '\u00a0' : ' '))
              .trim(),
      )
      .join('\n')
      .replace(/^\n+|\n+$/g, '')
    if (block.trim()) blocks.push(block)
    current = ''
    preformatted = false
  }
  const stack: Step[] = [{ node: root, pre: false, close: false }]
  for (let step = stack.pop(); step; step = stack.pop()) {
    const { node, pre } = step
    if (step.close) {
      flush()
      continue
    }
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? ''
      if (pre) preformatted = true
      current += pre ? text : text.replace(/[ \t\r\n\f]+/g, ' ')
      continue
    }
    if (node.nodeType !== ELEMENT_NODE) continue
    const name = node.nodeName.toLowerCase().replace(/^.*:/, '')
    if (SKIPPED.has(name)) continue
    if (name === 'br') {
      current += '\n'
      continue
    }
    if (BLOCKS.has(name)) {
      flush()
      stack.push({ node, pre, close: true })
    }
    const kids = node.childNodes
    const kidsPre = pre || name === 'pre'
    for (let i = kids.length - 1; i >= 0; i--)
      stack.push({ node: kids[i]!, pre: kidsPre, close: false })
  }
  flush()
  return blocks
}

/** The text blocks of an HTML fragment or document (parsed as markup only: nothing runs, nothing loads). */
export function htmlToBlocks(html: string): string[] {
  const document = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`)
  return document.body ? blocksOf(document.body) : []
}
