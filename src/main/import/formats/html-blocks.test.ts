import { describe, expect, it } from 'vitest'
import { parseHtmlDocument, type DomNode } from './dom'
import { blocksOf, htmlToBlocks } from './html-blocks'

describe('htmlToBlocks', () => {
  it('makes paragraphs, headings, list items, cells and captions their own blocks', () => {
    expect(
      htmlToBlocks(
        '<h2>Une <em>croissance</em> rapide</h2><p>Premier  paragraphe,\n  sur deux lignes.</p>' +
          '<ul><li>un</li><li>deux</li></ul><table><caption>Effectifs</caption><tr><td>2022</td><td>40</td></tr></table>' +
          '<blockquote><p>Citation.</p><cite>Source</cite></blockquote>',
      ),
    ).toEqual([
      'Une croissance rapide',
      'Premier paragraphe, sur deux lignes.',
      'un',
      'deux',
      'Effectifs',
      '2022',
      '40',
      'Citation.',
      'Source',
    ])
  })

  it('keeps <br> as a line break, <pre> as written and no-break spaces', () => {
    expect(
      htmlToBlocks('<p>12 rue du Port<br>Paris</p><pre>a  b\n  c</pre><p>«&nbsp;oui&nbsp;»</p>'),
    ).toEqual(['12 rue du Port\nParis', 'a  b\n  c', '«\u00a0oui\u00a0»'])
  })

  it('reads no script, style, form control, image or attribute', () => {
    expect(
      htmlToBlocks(
        '<p title="attr">Texte<script>alert(1)</script><style>p{}</style><img alt="image"><button>Bouton</button></p>' +
          '<iframe srcdoc="<p>cadre</p>"></iframe><svg><text>dessin</text></svg><select><option>choix</option></select>',
      ),
    ).toEqual(['Texte'])
  })

  it('walks a tree nested 100 000 deep without overflowing the stack', () => {
    // Built through the DOM: the parser itself slows down on markup nested this deep (html.ts guards it).
    type Built = DomNode & {
      appendChild(node: unknown): void
      ownerDocument: { createElement(name: string): Built; createTextNode(text: string): DomNode }
    }
    const document = parseHtmlDocument('<!doctype html><html><body><p>avant</p></body></html>')
    let node = document.body as unknown as Built
    for (let i = 0; i < 100_000; i++) {
      const child = node.ownerDocument.createElement(i % 2 ? 'span' : 'div')
      node.appendChild(child)
      node = child
    }
    node.appendChild(node.ownerDocument.createTextNode('fond'))
    expect(blocksOf(document.body!)).toEqual(['avant', 'fond'])
  })
})
