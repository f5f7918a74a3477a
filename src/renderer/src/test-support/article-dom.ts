// The article's DOM as the app renders it (the real ArticleParagraphs: chunks
// of paragraphs, one text node each), in a scroller of a fixed size with the
// app's article styles, for the browser tests of the article's modules.
// Test support only: never imported by the application.
import { createElement } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { splitParagraphs, type Paragraph } from '@shared/model/text'
import { ArticleParagraphs } from '@renderer/features/article/ArticleParagraphs'

// The app's article styles, less `content-visibility: auto` on chunks: the
// test page is an iframe that Chromium does not count as seen by the user, so
// it would skip the chunks' layout and hit-testing would find no text.
const STYLES = `
.test-scroller { position: relative; overflow-y: auto; width: 640px; height: 400px; }
.test-scroller .article { max-width: 68ch; margin: 0 auto; padding: 40px 32px 120px;
  font: 18px/1.75 serif; }
.test-scroller .article p { margin: 0 0 1.1em; }
.test-scroller .article-chunk {
  contain-intrinsic-block-size: auto calc(var(--lines, 1) * 1lh + var(--paragraphs, 1) * 1.1em); }
`

export interface MountedArticle {
  scroller: HTMLDivElement
  article: HTMLElement
  paragraphs: readonly Paragraph[]
  /** The `<p>` of paragraph i. */
  paragraph: (i: number) => HTMLElement
  unmount: () => void
}

/** `count` paragraphs "§i word word …" of varied lengths, separated by blank lines. */
export function articleText(count: number): string {
  const words = ['la', 'sécurité', 'équipe', 'croissance', 'secret', 'culture', 'direction']
  return Array.from({ length: count }, (_, i) => {
    const n = 12 + ((i * 37) % 60)
    return `§${i} ` + Array.from({ length: n }, (_, k) => words[(i + k * 3) % 7]).join(' ')
  }).join('\n\n')
}

export function mountArticle(text: string): MountedArticle {
  const style = document.createElement('style')
  style.textContent = STYLES
  document.head.append(style)
  const scroller = document.createElement('div')
  scroller.className = 'test-scroller'
  const article = document.createElement('article')
  article.className = 'article'
  scroller.append(article)
  document.body.append(scroller)
  const paragraphs = splitParagraphs(text)
  const root = createRoot(article)
  flushSync(() => root.render(createElement(ArticleParagraphs, { text, paragraphs })))
  return {
    scroller,
    article,
    paragraphs,
    paragraph: (i) => article.getElementsByTagName('p')[i]!,
    unmount() {
      root.unmount()
      scroller.remove()
      style.remove()
    },
  }
}

/** The centre of the box of character `offset` of the article's text (client coordinates). */
export function pointOfChar(mounted: MountedArticle, offset: number): { x: number; y: number } {
  const i = mounted.paragraphs.findIndex((p) => p.start <= offset && offset < p.end)
  const node = mounted.paragraph(i).firstChild as Text
  const range = document.createRange()
  range.setStart(node, offset - mounted.paragraphs[i]!.start)
  range.setEnd(node, offset - mounted.paragraphs[i]!.start + 1)
  const r = range.getBoundingClientRect()
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
}

/** Resolves after the next animation frame has run. */
export const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
