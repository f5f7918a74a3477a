import { describe, expect, it } from 'vitest'
import type { ArticleEntry, CorpusMeta } from '@shared/model/corpus'
import { articleMatcher, NO_ARTICLE_FILTER } from '@shared/model/corpus-query'
import {
  attributeFields,
  conditionOn,
  MAX_CHOICES,
  toggleValue,
  withCondition,
} from './attribute-fields'

const entry = (id: string, attributes: Record<string, string>): ArticleEntry => ({
  id,
  title: id,
  sourceFileName: `${id}.txt`,
  sha256: '0'.repeat(64),
  chars: 10,
  addedAt: '2026-12-02T09:00:00.000Z',
  attributes,
  passageCount: 1,
})

const meta: Pick<CorpusMeta, 'articles' | 'attributeDefs'> = {
  articles: [
    entry('a', { outlet: 'Le Monde', published: '2025-01-02', 'attr-section': 'Économie' }),
    entry('b', { outlet: 'Libération', published: '2025-03-04', 'attr-pages': '12' }),
    entry('c', { outlet: 'Le Monde', author: 'Inès Roux' }),
  ],
  attributeDefs: [
    { id: 'attr-section', name: 'Section', type: 'category', values: ['Économie', 'Politique'] },
    { id: 'attr-pages', name: 'Pages', type: 'number' },
    { id: 'attr-note', name: 'Remark', type: 'text' },
  ],
}

describe('attribute filter fields', () => {
  it('offers the outlets to tick with their article counts, dates as a range, text to find', () => {
    const fields = attributeFields(meta)
    expect(fields.map((f) => [f.id, f.kind])).toEqual([
      ['outlet', 'choice'],
      ['published', 'date'],
      ['author', 'text'],
      ['url', 'text'],
      ['attr-section', 'choice'],
      ['attr-pages', 'number'],
      ['attr-note', 'text'],
    ])
    // No article has a language: nothing to tick, the field is left out.
    expect(fields[0]).toMatchObject({
      values: [
        { value: 'Le Monde', count: 2 },
        { value: 'Libération', count: 1 },
      ],
    })
    // A category lists its values in its own order, the empty value last.
    expect(fields.find((f) => f.id === 'attr-section')).toMatchObject({
      name: 'Section',
      values: [
        { value: 'Économie', count: 1 },
        { value: 'Politique', count: 0 },
        { value: '', count: 2 },
      ],
    })
  })

  it('finds outlets by text when there are too many to tick', () => {
    const many = {
      ...meta,
      articles: Array.from({ length: MAX_CHOICES + 1 }, (_, i) =>
        entry(`a${i}`, { outlet: `O${i}` }),
      ),
    }
    expect(attributeFields(many)[0]).toMatchObject({ id: 'outlet', kind: 'text' })
  })

  it('sets, replaces and clears the condition on one attribute, leaving the others', () => {
    let f = toggleValue(NO_ARTICLE_FILTER, 'outlet', 'Le Monde')
    f = withCondition(f, 'published', { attribute: 'published', kind: 'range', from: '2025-01-01' })
    expect(meta.articles.filter(articleMatcher(f, meta.attributeDefs)).map((a) => a.id)).toEqual([
      'a',
    ])
    f = toggleValue(f, 'outlet', 'Libération')
    expect(conditionOn(f, 'outlet')).toEqual({
      attribute: 'outlet',
      kind: 'in',
      values: ['Le Monde', 'Libération'],
    })
    expect(meta.articles.filter(articleMatcher(f, meta.attributeDefs)).map((a) => a.id)).toEqual([
      'a',
      'b',
    ])
    f = toggleValue(toggleValue(f, 'outlet', 'Le Monde'), 'outlet', 'Libération')
    expect(conditionOn(f, 'outlet')).toBeUndefined()
    f = withCondition(f, 'published', { attribute: 'published', kind: 'range', from: '', to: '' })
    expect(f.conditions).toEqual([])
    f = withCondition(f, 'author', { attribute: 'author', kind: 'contains', text: '  ' })
    expect(f).toEqual(NO_ARTICLE_FILTER)
  })
})
