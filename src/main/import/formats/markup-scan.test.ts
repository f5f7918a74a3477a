import { describe, expect, it } from 'vitest'
import { parseHtmlDocument } from './dom'
import { blocksOf } from './html-blocks'
import { NESTING_WORK, scanMarkup } from './markup-scan'
import { FormatError } from './types'

function problemOf(run: () => unknown): string {
  try {
    run()
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
  return 'none'
}

describe('scanMarkup', () => {
  it('cuts scripts, styles, SVG, MathML, noscript, templates and comments, and keeps JSON-LD', () => {
    const markup =
      '<html><head><script>var a = "</div><p>not a paragraph</p>"</script>' +
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script><style>p { color: red }</style></head>' +
      '<body><!-- a <p>comment</p> --><p>one <svg viewBox="0 0 1 1"><path d="M0 0"/><text>icon</text></svg>two</p>' +
      '<math><mi>x</mi></math><noscript><p>enable scripts</p></noscript><template><p>later</p></template>' +
      '<p title="<svg>not a tag</svg>">three</p></body></html>'
    expect(scanMarkup(markup)).toBe(
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>' +
        '<body><p>one two</p><p title="<svg>not a tag</svg>">three</p></body></html>',
    )
  })

  it('cuts self-closed SVG, SVG closed by its parent, and a script left open at the end', () => {
    expect(scanMarkup('<p>a<svg/>b</p>')).toBe('<p>ab</p>')
    expect(scanMarkup('<div><p>a<svg><path d="M0 0"></p></div><p>b</p>')).toBe(
      '<div><p>a</p></div><p>b</p>',
    )
    expect(scanMarkup('<p>kept</p><script>never closed <p>')).toBe('<p>kept</p>')
  })

  it('leaves the text of any page as linkedom reads it without the cut parts', () => {
    const page =
      '<html><body><p>Un <b>premier</b><!-- x --> paragraphe.</p><ul><li>un<svg><circle r="1"/></svg></li><li>deux</li></ul>' +
      '<p>dernier<script>document.write("<p>injecté</p>")</script></p></body></html>'
    const cut = scanMarkup(page)
    expect(blocksOf(parseHtmlDocument(cut).body!)).toEqual([
      'Un premier paragraphe.',
      'un',
      'deux',
      'dernier',
    ])
    expect(blocksOf(parseHtmlDocument(page).body!)).toEqual(blocksOf(parseHtmlDocument(cut).body!))
  })

  it('stops markup nested too deep for the parser, and unmatched closing tags deep in it, quickly', () => {
    const start = performance.now()
    expect(problemOf(() => scanMarkup('<div>'.repeat(1_000_000)))).toBe('too-large')
    expect(problemOf(() => scanMarkup(`${'<span>'.repeat(5000)}${'</b>'.repeat(200_000)}`))).toBe(
      'too-large',
    )
    expect(performance.now() - start).toBeLessThan(5_000)
    // A million flat elements is no problem.
    const flat = '<p>a</p>'.repeat(1_000_000)
    expect(scanMarkup(flat)).toBe(flat)
    expect(NESTING_WORK).toBeGreaterThan(1_000_000 * 50)
  })
})
