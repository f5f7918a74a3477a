// Codebook changes over a corpus: main plans a merge or a deletion over
// every article, the renderer (holding one article) applies and undoes it,
// and an edit that reached main between the plan and the change makes the
// change fail as a whole instead of being lost or leaving a passage with a
// theme the codebook no longer has.
import { describe, expect, it } from 'vitest'
import { DEFAULT_CODEBOOK } from './codebook'
import { addGroup, deleteTheme, mergeThemes, setThemeGroup } from './codebook-ops'
import type { ArticleData, ArticleEntry } from './corpus'
import {
  applyCorpusEdit,
  invertCorpusEdit,
  type CorpusEdit,
  type CorpusState,
} from './corpus-edits'
import { corpusPassages } from './corpus-query'
import { EditError, makePassage } from './edits'
import { themeUsage } from './theme-usage'

const T0 = '2025-01-01T09:00:00.000Z'
const T1 = '2025-01-02T10:00:00.000Z'
const T2 = '2025-01-03T11:00:00.000Z'
const TEXT = 'Croissance rapide. Une culture du secret. La sécurité pratique.'

function article(id: string, tags: [string, string[]][]): ArticleData {
  return {
    id,
    text: TEXT,
    passages: tags.map(([word, themeIds], i) => {
      const start = TEXT.indexOf(word)
      return makePassage(TEXT, {
        id: `${id}-p${i}`,
        start,
        end: start + word.length,
        themeIds,
        author: 'ana',
        now: T0,
      })
    }),
    ui: { scrollTop: 0 },
    updatedAt: T0,
  }
}

function entry(a: ArticleData): ArticleEntry {
  return {
    id: a.id,
    title: a.id,
    sourceFileName: `${a.id}.txt`,
    sha256: 'a'.repeat(64),
    chars: a.text.length,
    addedAt: T0,
    attributes: {},
    passageCount: a.passages.length,
  }
}

/** Three articles using Culture, one that does not. */
function corpus(): CorpusState {
  const articles = [
    article('a1', [
      ['Croissance rapide', ['growth', 'culture']],
      ['Une culture', ['culture']],
    ]),
    article('a2', [['du secret', ['culture', 'secrecy']]]),
    article('a3', [['La sécurité', ['culture']]]),
    article('a4', [['pratique', ['safety']]]),
  ]
  return {
    id: 's1',
    createdAt: T0,
    updatedAt: T0,
    meta: {
      codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
      themeGroups: [],
      attributeDefs: [],
      articles: articles.map(entry),
    },
    articles: new Map(articles.map((a) => [a.id, a])),
  }
}

/** What the renderer holds: the index and the open article only. */
function rendererView(state: CorpusState, open: string): CorpusState {
  return { ...state, articles: new Map([[open, state.articles.get(open)!]]) }
}

const plan = (state: CorpusState, build: (c: Parameters<typeof mergeThemes>[0]) => CorpusEdit) =>
  build({
    codebook: state.meta.codebook,
    themeGroups: state.meta.themeGroups,
    passages: corpusPassages(state),
  })

const themesIn = (state: CorpusState) =>
  Object.fromEntries([...state.articles].map(([id, a]) => [id, a.passages.map((p) => p.themeIds)]))

describe('theme usage over the corpus', () => {
  it('counts passages, articles and passages a theme tags alone', () => {
    const usage = themeUsage(corpus().articles.values())
    expect(usage.culture).toEqual({ passages: 4, articles: 3, alone: 2 })
    expect(usage.growth).toEqual({ passages: 1, articles: 1, alone: 0 })
    expect(usage.safety).toEqual({ passages: 1, articles: 1, alone: 1 })
    expect(usage).not.toHaveProperty('nobody')
  })
})

describe('a merge planned by main, applied by main and by the renderer', () => {
  it('replaces Culture everywhere in one edit; undo in the renderer restores every article exactly', () => {
    const main0 = corpus()
    const edit = plan(main0, (c) => mergeThemes(c, 'culture', 'growth', T1))
    expect(
      new Set(edit.type === 'setCodebook' ? edit.passages.map((p) => p.articleId) : []),
    ).toEqual(new Set(['a1', 'a2', 'a3']))
    // The renderer holds a2: it inverts the edit before applying it.
    const view0 = rendererView(main0, 'a2')
    const undo = invertCorpusEdit(view0, 'a2', edit)
    const view1 = applyCorpusEdit(view0, 'a2', edit, T1)
    expect(themesIn(view1)).toEqual({ a2: [['growth', 'secrecy']] })
    // Main applies the same edit to every article.
    const main1 = applyCorpusEdit(main0, 'a2', edit, T1)
    expect(themesIn(main1)).toEqual({
      a1: [['growth'], ['growth']],
      a2: [['growth', 'secrecy']],
      a3: [['growth']],
      a4: [['safety']],
    })
    expect(main1.meta.codebook.map((t) => t.id)).toEqual(['growth', 'secrecy', 'safety'])
    // The undo the renderer made, without the other articles, restores them all in main.
    const main2 = applyCorpusEdit(main1, 'a2', undo, T2)
    expect(main2.meta.codebook).toEqual(main0.meta.codebook)
    for (const [id, a] of main0.articles)
      expect(main2.articles.get(id)!.passages).toEqual(a.passages)
  })

  it('undoes a group change with its groups', () => {
    const s0 = corpus()
    const { edit } = addGroup({ codebook: s0.meta.codebook, themeGroups: [] }, 'People')
    const s1 = applyCorpusEdit(s0, null, edit, T1)
    const moved = setThemeGroup(s1.meta, 'growth', s1.meta.themeGroups[0]!.id)
    const undo = invertCorpusEdit(s1, null, moved)
    const s2 = applyCorpusEdit(s1, null, moved, T1)
    expect(s2.meta.codebook.at(-1)!.id).toBe('growth')
    const s3 = applyCorpusEdit(s2, null, undo, T2)
    expect(s3.meta.codebook).toEqual(s1.meta.codebook)
    expect(s3.meta.themeGroups).toEqual(s1.meta.themeGroups)
    const back = applyCorpusEdit(s1, null, invertCorpusEdit(s0, null, edit), T2)
    expect(back.meta.themeGroups).toEqual([])
  })
})

describe('a change planned before another edit reached main', () => {
  it('fails as a whole when a passage it changes got another theme since', () => {
    const s0 = corpus()
    const edit = plan(s0, (c) => deleteTheme(c, 'culture', T1))
    // Meanwhile, the analyst added Safety to a passage of a3 that had Culture.
    const p = s0.articles.get('a3')!.passages[0]!
    const s1 = applyCorpusEdit(
      s0,
      'a3',
      { type: 'putPassage', passage: { ...p, themeIds: ['culture', 'safety'], updatedAt: T1 } },
      T1,
    )
    expect(() => applyCorpusEdit(s1, 'a2', edit, T2)).toThrow(EditError)
    expect(() => applyCorpusEdit(s1, 'a2', edit, T2)).toThrow(/changed after/)
    // Nothing of it was applied: the state is the one before.
    expect(themesIn(s1).a1).toEqual([['growth', 'culture'], ['culture']])
  })

  it('fails when a new passage uses the deleted theme', () => {
    const s0 = corpus()
    const edit = plan(s0, (c) => deleteTheme(c, 'culture', T1))
    const start = TEXT.indexOf('pratique')
    const passage = makePassage(TEXT, {
      id: 'new',
      start,
      end: start + 8,
      themeIds: ['culture'],
      author: 'ana',
      now: T1,
    })
    const s1 = applyCorpusEdit(s0, 'a4', { type: 'putPassage', passage }, T1)
    expect(() => applyCorpusEdit(s1, 'a4', edit, T2)).toThrow(/unknown theme culture/)
  })

  it('fails when a passage it changes was deleted, or its article removed', () => {
    const s0 = corpus()
    const edit = plan(s0, (c) => mergeThemes(c, 'culture', 'safety', T1))
    const gone = applyCorpusEdit(s0, 'a3', { type: 'deletePassage', id: 'a3-p0' }, T1)
    expect(() => applyCorpusEdit(gone, null, edit, T2)).toThrow(/no passage a3-p0/)
    const removed = applyCorpusEdit(s0, null, { type: 'removeArticles', ids: ['a3'] }, T1)
    expect(() => applyCorpusEdit(removed, null, edit, T2)).toThrow(/no article a3/)
  })

  it('still applies when a passage changed in another way (its note)', () => {
    const s0 = corpus()
    const edit = plan(s0, (c) => deleteTheme(c, 'culture', T1))
    const p = s0.articles.get('a1')!.passages[1]!
    const s1 = applyCorpusEdit(
      s0,
      'a1',
      { type: 'putPassage', passage: { ...p, note: 'Kept.', updatedAt: T1 } },
      T1,
    )
    const s2 = applyCorpusEdit(s1, null, edit, T2)
    expect(s2.articles.get('a1')!.passages[1]).toMatchObject({ note: 'Kept.', themeIds: [] })
  })
})
