import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makePassage } from '@shared/model/edits'
import { PassageIndex } from '@shared/model/interval-index'
import {
  articleText,
  mountArticle,
  pointOfChar,
  type MountedArticle,
} from '@renderer/test-support/article-dom'
import { charOffsetAt, passagesAtPoint } from './hit-test'

const TEXT = articleText(30)
let m: MountedArticle
beforeEach(() => (m = mountArticle(TEXT)))
afterEach(() => m.unmount())

const passage = (id: string, start: number, end: number) =>
  makePassage(TEXT, { id, start, end, themeIds: [], author: 'A', now: '2026-12-01T09:00:00Z' })

describe('hit-testing', () => {
  it('gives the text offset of the character under a point', () => {
    // Letters inside words (a space at a line's end has no box) and in view (a point
    // outside the scroller's box hits nothing of the article).
    const p1 = m.paragraphs[1]!.start
    const letters = [
      1,
      TEXT.indexOf('sécurité') + 2,
      p1 + 1,
      TEXT.indexOf('croissance', p1 + 40) + 4,
    ]
    for (const offset of letters) {
      const at = pointOfChar(m, offset)
      expect(charOffsetAt(m.article, at.x, at.y)).toBe(offset)
    }
  })

  it('gives null off the text', () => {
    const box = m.article.getBoundingClientRect()
    expect(charOffsetAt(m.article, box.left + 2, box.top + 2)).toBeNull()
    expect(charOffsetAt(m.article, box.right + 50, box.top + 100)).toBeNull()
  })

  it('lists the passages under a point, innermost first', () => {
    const base = m.paragraphs[2]!.start
    const outer = passage('outer', base, base + 40)
    const inner = passage('inner', base + 10, base + 20)
    const elsewhere = passage('elsewhere', base + 30, base + 60)
    const index = new PassageIndex([outer, inner, elsewhere])
    const at = pointOfChar(m, base + 12)
    expect(passagesAtPoint(m.article, index, at.x, at.y).map((p) => p.id)).toEqual([
      'inner',
      'outer',
    ])
    const off = pointOfChar(m, base + 25)
    expect(passagesAtPoint(m.article, index, off.x, off.y).map((p) => p.id)).toEqual(['outer'])
  })
})
