// One pass of linkedom's own tokenizer and tree rules (htmlparser2) over
// a page's markup before linkedom builds its document, for two reasons.
// Depth: htmlparser2 keeps its open elements in an array it shifts at the
// front, so each element costs as much as the depth it is opened at, and
// each unmatched closing tag a search of the whole stack: a million nested
// <div> (5 MB) would not finish. The pass counts that work and stops as soon
// as it passes NESTING_WORK (real pages are nested a few dozen deep).
// Weight: what is never article text (scripts but JSON-LD metadata, styles,
// inline SVG and MathML, <noscript>, <template>, comments) is cut out of the
// markup at the positions the tokenizer gives, so the document is built for
// half or less of a typical news page.
// It must never: build a document, run a script, cut anything but whole
// elements and comments, or cost more than the work it allows.
import { Parser } from 'htmlparser2'
import { FormatError } from './types'

/**
 * The parser work allowed for one page: the sum, over the elements opened
 * and the closing tags met, of the depth at that point. A 50 MB real page
 * (a million elements a few dozen deep) needs under 10⁸; this much takes
 * the parser about a second.
 */
export const NESTING_WORK = 400_000_000

/** Elements whose content never reaches the text (html-blocks.ts skips them too). */
const CUT = new Set(['script', 'style', 'svg', 'math', 'noscript', 'template'])

const STOP = new Error('nesting work over the limit')

function countClosingTags(markup: string): number {
  let closing = 0
  for (let at = markup.indexOf('</'); at !== -1; at = markup.indexOf('</', at + 2)) closing++
  return closing
}

/**
 * The markup without its scripts (JSON-LD kept), styles, SVG, MathML,
 * noscript, templates and comments. Throws `too-large` when parsing it would
 * cost more than NESTING_WORK.
 */
export function scanMarkup(markup: string): string {
  const closing = countClosingTags(markup)
  const cuts: Array<[number, number]> = []
  let depth = 0
  let deepest = 0
  let work = 0
  /** The depth of the element being cut (0: none), and where it starts. */
  let cutDepth = 0
  let cutStart = 0
  let ending = false
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++
        if (depth > deepest) deepest = depth
        work += depth
        // Every closing tag may yet search a stack this deep.
        if (work + closing * deepest > NESTING_WORK) throw STOP
        if (
          cutDepth === 0 &&
          CUT.has(name) &&
          !(name === 'script' && /^\s*application\/ld\+json\s*$/i.test(attributes.type ?? ''))
        ) {
          cutDepth = depth
          cutStart = parser.startIndex
        }
      },
      onclosetag(_name, implied) {
        if (cutDepth === depth) {
          // Closed by its own tag; or by a parent's closing tag (cut up to it);
          // or self-closing (`<svg/>`); or by the end of the markup.
          const end = ending
            ? markup.length
            : !implied || !markup.startsWith('</', parser.startIndex)
              ? parser.endIndex + 1
              : parser.startIndex
          cuts.push([cutStart, Math.max(cutStart, end)])
          cutDepth = 0
        }
        depth--
      },
      oncomment() {
        if (cutDepth === 0) cuts.push([parser.startIndex, parser.endIndex + 1])
      },
    },
    { decodeEntities: false },
  )
  try {
    parser.write(markup)
    ending = true
    parser.end()
  } catch (e) {
    if (e === STOP)
      throw new FormatError('too-large', `markup nested too deep to read (${deepest} levels)`)
    throw new FormatError('corrupt', e instanceof Error ? e.message : String(e))
  }
  if (cuts.length === 0) return markup
  const kept: string[] = []
  let at = 0
  for (const [start, end] of cuts) {
    if (start < at) continue
    kept.push(markup.slice(at, start))
    at = end
  }
  kept.push(markup.slice(at))
  return kept.join('')
}
