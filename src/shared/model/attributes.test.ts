// Attribute definitions and values as edits: each change is one
// setArticleMeta edit that the corpus applies (and undoes) as it is, values
// are normalized once, and changes that leave values that no longer fit
// clear them in the same edit and count the articles.
import { describe, expect, it } from 'vitest'
import {
  addAttribute,
  articlesWithValue,
  attributeNameProblem,
  AttributeError,
  changeAttributeType,
  cleanCategoryValues,
  deleteAttribute,
  distinctValues,
  newAttributeId,
  normalizeFor,
  normalizeValue,
  renameAttribute,
  setArticleFields,
  setAttributeForArticles,
  setCategoryValues,
  valueCounts,
  type SetArticleMeta,
} from './attributes'
import { DEFAULT_CODEBOOK } from './codebook'
import { findIndexProblems, type ArticleEntry, type AttributeDef, type CorpusMeta } from './corpus'
import { applyCorpusEdit, invertCorpusEdit, type CorpusState } from './corpus-edits'

const NOW = '2025-06-01T12:00:00.000Z'

const entry = (
  id: string,
  title: string,
  attributes: Record<string, string> = {},
): ArticleEntry => ({
  id,
  title,
  sourceFileName: `${id}.txt`,
  sha256: 'a'.repeat(64),
  chars: 10,
  addedAt: NOW,
  attributes,
  passageCount: 0,
})

const SECTION: AttributeDef = {
  id: 'attr-section-aaaaaa',
  name: 'Section',
  type: 'category',
  values: ['Économie', 'Politique', 'Sport'],
}
const WORDS: AttributeDef = { id: 'attr-words-bbbbbb', name: 'Words', type: 'number' }
const NOTE: AttributeDef = { id: 'attr-note-cccccc', name: 'Remark', type: 'text' }

function corpus(): CorpusMeta {
  return {
    codebook: [...DEFAULT_CODEBOOK],
    themeGroups: [],
    attributeDefs: [SECTION, WORDS, NOTE],
    articles: [
      entry('a1', 'Grève à la SNCF', {
        outlet: 'Le Monde',
        published: '2024-03-15',
        [SECTION.id]: 'Économie',
        [WORDS.id]: '800',
        [NOTE.id]: '12',
      }),
      entry('a2', 'Budget 2025', { outlet: 'Libération', [SECTION.id]: 'Politique' }),
      entry('a3', 'Coupe du monde', { [SECTION.id]: 'Sport', [NOTE.id]: 'long read' }),
      entry('a4', 'Sans attributs'),
    ],
  }
}

const stateOf = (meta: CorpusMeta): CorpusState => ({
  id: 's1',
  createdAt: NOW,
  updatedAt: NOW,
  meta,
  articles: new Map(),
})

/** Applies the edit as main and the renderer do; checks its undo gives back `meta`. */
function apply(meta: CorpusMeta, edit: SetArticleMeta): CorpusMeta {
  const before = stateOf(meta)
  const after = applyCorpusEdit(before, null, edit, NOW)
  expect(findIndexProblems(after.meta)).toEqual([])
  const undone = applyCorpusEdit(after, null, invertCorpusEdit(before, null, edit), NOW)
  expect(undone.meta).toEqual(meta)
  return after.meta
}

const valueOf = (meta: CorpusMeta, id: string, attribute: string) =>
  meta.articles.find((a) => a.id === id)!.attributes[attribute]

describe('normalizeValue', () => {
  it('trims text and turns line breaks and tabs into spaces', () => {
    expect(normalizeValue('  Le\r\nMonde\t ', 'text')).toEqual({ ok: true, value: 'Le Monde' })
    expect(normalizeValue('   ', 'text')).toEqual({ ok: true, value: '' })
  })

  it('writes numbers in their shortest form and refuses what is not a plain number', () => {
    const n = (raw: string) => normalizeValue(raw, 'number')
    expect(n(' 0800 ')).toEqual({ ok: true, value: '800' })
    expect(n('+1.50')).toEqual({ ok: true, value: '1.5' })
    expect(n('-0')).toEqual({ ok: true, value: '0' })
    expect(n('1e3')).toEqual({ ok: true, value: '1000' })
    expect(n('.5')).toEqual({ ok: true, value: '0.5' })
    expect(n('-2.')).toEqual({ ok: true, value: '-2' })
    for (const bad of ['1,5', '1 234', '0x10', 'Infinity', '1e999', 'NaN', '12abc', '--1', '€12'])
      expect(n(bad), bad).toEqual({ ok: false, problem: 'number' })
  })

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(normalizeValue(' 2024-02-29 ', 'date')).toEqual({ ok: true, value: '2024-02-29' })
    for (const bad of [
      '2023-02-29',
      '15/03/2024',
      '03/15/24',
      '2024-3-15',
      '2024-03-15T10:00',
      'mars',
    ])
      expect(normalizeValue(bad, 'date'), bad).toEqual({ ok: false, problem: 'date' })
  })

  it('takes a category value in the category’s spelling, ignoring case', () => {
    const values = SECTION.values
    expect(normalizeValue('Sport', 'category', values)).toEqual({ ok: true, value: 'Sport' })
    expect(normalizeValue(' économie ', 'category', values)).toEqual({
      ok: true,
      value: 'Économie',
    })
    expect(normalizeValue('Economie', 'category', values)).toEqual({
      ok: false,
      problem: 'category',
    })
  })

  it('refuses values longer than an index holds', () => {
    expect(normalizeValue('x'.repeat(2001), 'text')).toEqual({ ok: false, problem: 'too-long' })
  })
})

describe('normalizeFor', () => {
  it('knows the builtins’ types: published is a date, the others text; a title is never empty', () => {
    const meta = corpus()
    expect(normalizeFor(meta, 'published', '2024-13-01')).toEqual({ ok: false, problem: 'date' })
    expect(normalizeFor(meta, 'url', ' https://example.org/a ')).toEqual({
      ok: true,
      value: 'https://example.org/a',
    })
    expect(normalizeFor(meta, 'title', '  ')).toEqual({ ok: false, problem: 'title-empty' })
    expect(normalizeFor(meta, WORDS.id, '1,5')).toEqual({ ok: false, problem: 'number' })
    expect(() => normalizeFor(meta, 'attr-nothing-xxxxxx', 'x')).toThrow()
  })
})

describe('attribute definitions', () => {
  it('makes ids attr-<slug>-<random> that are never builtin names nor taken', () => {
    const randoms = ['aaaaaa', 'bbbbbb']
    const id = newAttributeId('Genre journalistique', ['attr-genre-journalistique-aaaaaa'], () =>
      randoms.shift()!,
    )
    expect(id).toBe('attr-genre-journalistique-bbbbbb')
    expect(newAttributeId('Outlet', [])).toMatch(/^attr-outlet-[a-z0-9]{6}$/)
    expect(newAttributeId('‽‽', [])).toMatch(/^attr-attribute-[a-z0-9]{6}$/)
    expect(newAttributeId('x'.repeat(300), []).length).toBeLessThanOrEqual(64)
  })

  it('refuses empty, builtin, reserved and taken names (ignoring case)', () => {
    const defs = corpus().attributeDefs
    expect(attributeNameProblem(' ', defs)).toBe('name-empty')
    expect(attributeNameProblem('Outlet', defs)).toBe('name-reserved')
    expect(attributeNameProblem('TITLE', defs)).toBe('name-reserved')
    expect(attributeNameProblem('file', defs)).toBe('name-reserved')
    expect(attributeNameProblem(' section ', defs)).toBe('name-taken')
    expect(attributeNameProblem('Section', defs, SECTION.id)).toBeNull()
    expect(attributeNameProblem('x'.repeat(201), defs)).toBe('name-too-long')
  })

  it('adds an attribute in one edit; a category needs distinct values', () => {
    const meta = corpus()
    const { edit, def } = addAttribute(meta, {
      name: ' Tone ',
      type: 'category',
      values: [' positive', 'negative '],
    })
    expect(def).toMatchObject({ name: 'Tone', type: 'category', values: ['positive', 'negative'] })
    expect(def.id).toMatch(/^attr-tone-/)
    expect(edit.articles).toEqual([])
    expect(apply(meta, edit).attributeDefs.at(-1)).toEqual(def)

    const problem = (values: string[]) => {
      try {
        addAttribute(meta, { name: 'Tone', type: 'category', values })
        return null
      } catch (e) {
        return (e as AttributeError).problem
      }
    }
    expect(problem([])).toBe('values-empty')
    expect(problem(['a', ' '])).toBe('value-empty')
    expect(problem(['Oui', 'oui'])).toBe('value-repeated')
    expect(() => addAttribute(meta, { name: 'Words', type: 'text' })).toThrow(AttributeError)
  })

  it('refuses a 201st attribute', () => {
    const meta = corpus()
    meta.attributeDefs = Array.from({ length: 200 }, (_, i) => ({
      id: `attr-a${i}`,
      name: `A${i}`,
      type: 'text' as const,
    }))
    expect(() => addAttribute(meta, { name: 'One more', type: 'text' })).toThrow(
      expect.objectContaining({ problem: 'too-many' }),
    )
  })

  it('renames without touching any value', () => {
    const meta = corpus()
    const edit = renameAttribute(meta, SECTION.id, 'Rubrique')
    expect(edit.articles).toEqual([])
    const after = apply(meta, edit)
    expect(after.attributeDefs.find((d) => d.id === SECTION.id)!.name).toBe('Rubrique')
    expect(valueOf(after, 'a1', SECTION.id)).toBe('Économie')
    expect(() => renameAttribute(meta, 'outlet', 'Media')).toThrow(
      expect.objectContaining({ problem: 'builtin' }),
    )
  })

  it('deletes an attribute and clears its value in every article, in the same edit', () => {
    const meta = corpus()
    const { edit, cleared } = deleteAttribute(meta, SECTION.id)
    expect(cleared).toBe(3)
    const after = apply(meta, edit)
    expect(after.attributeDefs.map((d) => d.id)).toEqual([WORDS.id, NOTE.id])
    expect(after.articles.every((a) => !(SECTION.id in a.attributes))).toBe(true)
    expect(valueOf(after, 'a1', 'outlet')).toBe('Le Monde')
  })

  it('changes type: values that fit are kept (normalized), the others cleared and counted', () => {
    const meta = corpus()
    // Remark holds "12" and "long read": as a number, "12" stays and "long read" goes.
    const toNumber = changeAttributeType(meta, NOTE.id, 'number')
    expect(toNumber.cleared).toBe(1)
    const after = apply(meta, toNumber.edit)
    expect(valueOf(after, 'a1', NOTE.id)).toBe('12')
    expect(valueOf(after, 'a3', NOTE.id)).toBeUndefined()
    expect(toNumber.edit.articles.map((a) => a.id)).toEqual(['a3'])

    // Section as text: every value stays.
    const toText = changeAttributeType(meta, SECTION.id, 'text')
    expect(toText.cleared).toBe(0)
    expect(toText.edit.articles).toEqual([])
    expect(apply(meta, toText.edit).attributeDefs[0]).toEqual({
      id: SECTION.id,
      name: 'Section',
      type: 'text',
    })

    // Remark as a category of one value, written in another case: it takes the category's spelling.
    const toCategory = changeAttributeType(meta, NOTE.id, 'category', ['Long Read'])
    expect(toCategory.cleared).toBe(1)
    const cat = apply(meta, toCategory.edit)
    expect(valueOf(cat, 'a3', NOTE.id)).toBe('Long Read')
    expect(valueOf(cat, 'a1', NOTE.id)).toBeUndefined()
  })

  it('offers the distinct values held, so that a text becomes a category losing nothing', () => {
    const meta = corpus()
    expect(distinctValues(meta, NOTE.id)).toEqual(['12', 'long read'])
    const { cleared } = changeAttributeType(
      meta,
      NOTE.id,
      'category',
      distinctValues(meta, NOTE.id),
    )
    expect(cleared).toBe(0)
  })

  it('changes a category’s values: renamed values follow, removed values are cleared and reported', () => {
    const meta = corpus()
    const change = setCategoryValues(meta, SECTION.id, ['Economy', 'Politique', 'Culture'], {
      Économie: 'Economy',
    })
    expect(change.removed).toEqual(['Sport'])
    expect(change.cleared).toBe(1)
    const after = apply(meta, change.edit)
    expect(valueOf(after, 'a1', SECTION.id)).toBe('Economy')
    expect(valueOf(after, 'a2', SECTION.id)).toBe('Politique')
    expect(valueOf(after, 'a3', SECTION.id)).toBeUndefined()
    expect(after.attributeDefs[0]!.values).toEqual(['Economy', 'Politique', 'Culture'])
    expect(() => setCategoryValues(meta, WORDS.id, ['1'])).toThrow(AttributeError)
  })

  it('counts the articles holding a value', () => {
    const meta = corpus()
    expect(articlesWithValue(meta, SECTION.id)).toBe(3)
    expect(articlesWithValue(meta, SECTION.id, 'Sport')).toBe(1)
    expect(articlesWithValue(meta, 'author')).toBe(0)
    expect(valueCounts(meta.articles)).toEqual(
      new Map([
        ['outlet', 2],
        ['published', 1],
        [SECTION.id, 3],
        [WORDS.id, 1],
        [NOTE.id, 2],
      ]),
    )
  })

  it('cleans category values typed with spaces and keeps their order', () => {
    expect(cleanCategoryValues([' b ', 'a\n'])).toEqual(['b', 'a'])
  })
})

describe('setting values', () => {
  it('sets one attribute for many articles, listing only those that change', () => {
    const meta = corpus()
    const r = setAttributeForArticles(meta, SECTION.id, 'sport', ['a1', 'a3', 'a4'])
    expect(r).toMatchObject({ ok: true, changed: 2 })
    if (!r.ok || !r.edit) throw new Error('expected an edit')
    expect(r.edit.articles.map((a) => a.id)).toEqual(['a1', 'a4'])
    const after = apply(meta, r.edit)
    expect(['a1', 'a3', 'a4'].map((id) => valueOf(after, id, SECTION.id))).toEqual([
      'Sport',
      'Sport',
      'Sport',
    ])
    expect(valueOf(after, 'a1', 'outlet')).toBe('Le Monde')
    expect(valueOf(after, 'a2', SECTION.id)).toBe('Politique')
  })

  it('clears with an empty value, does nothing when nothing changes, refuses a bad value', () => {
    const meta = corpus()
    const cleared = setAttributeForArticles(meta, 'outlet', ' ', ['a1', 'a2', 'a3'])
    if (!cleared.ok || !cleared.edit) throw new Error('expected an edit')
    expect(cleared.changed).toBe(2)
    expect(apply(meta, cleared.edit).articles.every((a) => !('outlet' in a.attributes))).toBe(true)
    expect(setAttributeForArticles(meta, 'published', '2024-03-15', ['a1'])).toEqual({
      ok: true,
      edit: null,
      changed: 0,
    })
    expect(setAttributeForArticles(meta, 'published', '15/03/2024', ['a1'])).toEqual({
      ok: false,
      problem: 'date',
    })
    expect(() => setAttributeForArticles(meta, 'title', 'Same', ['a1'])).toThrow(AttributeError)
  })

  it('sets one article’s title and attributes in one edit, or reports each bad field', () => {
    const meta = corpus()
    const r = setArticleFields(meta, 'a2', {
      title: ' Budget 2026 ',
      author: 'J. Dupont',
      published: '2025-01-02',
      outlet: '',
      [WORDS.id]: '1200.0',
    })
    if (!r.ok || !r.edit) throw new Error('expected an edit')
    const after = apply(meta, r.edit)
    const a2 = after.articles[1]!
    expect(a2.title).toBe('Budget 2026')
    expect(a2.attributes).toEqual({
      [SECTION.id]: 'Politique',
      author: 'J. Dupont',
      published: '2025-01-02',
      [WORDS.id]: '1200',
    })

    expect(
      setArticleFields(meta, 'a2', { title: '', published: '2025-02-30', [WORDS.id]: 'x' }),
    ).toEqual({
      ok: false,
      problems: { title: 'title-empty', published: 'date', [WORDS.id]: 'number' },
    })
    expect(setArticleFields(meta, 'a1', { outlet: ' Le Monde ' })).toEqual({ ok: true, edit: null })
  })
})
