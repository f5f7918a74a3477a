// Test support for the corpus crash test: seeded articles (2–10 KB of
// French-like text, tagged passages, an outlet), the random corpus edits the
// child process makes through the real SessionRegistry, and one digest of a
// session state, so that the parent can tell which state a folder holds.
// Pure apart from hashing; shared by the child (crash-edit-loop.ts) and the
// test (corpus-crash.test.ts).
import { createHash } from 'node:crypto'
import { planCoderLayer } from '@shared/model/bring-back'
import type { ArticleData, ArticleEntry } from '@shared/model/corpus'
import type { CorpusEdit, CorpusState } from '@shared/model/corpus-edits'
import { deleteTheme, mergeThemes, renumberKeys } from '@shared/model/codebook-ops'
import { corpusPassages } from '@shared/model/corpus-query'
import { makePassage } from '@shared/model/edits'
import type { Passage, Theme } from '@shared/model/schema'
import { prng } from '../../../../test-support/prng'
import { sha256Hex } from '../hash'

export { prng }

export type Rng = () => number
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1))
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!

const WORDS = (
  'le la les un une des du de et à en pour par sur dans avec sans entre équipe sécurité ' +
  'croissance société données modèle réseau projet produit marché ingénieur chercheuse ' +
  'dirigeant conseil décision stratégie culture secret rythme lancement année réunion ' +
  'problème solution rapide fragile énorme économie éthique cœur façon reçu garçon Noël'
).split(' ')

const OUTLETS = ['Le Monde', 'Libération', 'Le Figaro', 'Mediapart', 'Les Échos']

/** Text of 2–10 KB: sentences of the words above, in paragraphs. */
export function articleText(rng: Rng): string {
  const target = int(rng, 2_000, 10_000)
  const paragraphs: string[] = []
  let size = 0
  while (size < target) {
    const sentences = Array.from({ length: int(rng, 2, 5) }, () => {
      const words = Array.from({ length: int(rng, 6, 16) }, () => pick(rng, WORDS))
      const s = words.join(' ')
      return `${s[0]!.toUpperCase()}${s.slice(1)}.`
    })
    const p = sentences.join(' ')
    paragraphs.push(p)
    size += p.length + 2
  }
  return paragraphs.join('\n\n')
}

/** A passage of 3–60 characters at a random place, tagged with 1–2 of `themes`. */
export function randomPassage(
  rng: Rng,
  text: string,
  id: string,
  themes: readonly Theme[],
  now: string,
): Passage {
  const start = int(rng, 0, text.length - 4)
  const end = Math.min(text.length, start + int(rng, 3, 60))
  const themeIds = [
    ...new Set([pick(rng, themes).id, ...(rng() < 0.3 ? [pick(rng, themes).id] : [])]),
  ]
  const order = themes.map((t) => t.id)
  themeIds.sort((a, b) => order.indexOf(a) - order.indexOf(b))
  return makePassage(text, { id, start, end, themeIds, author: 'crash-test', now })
}

/** A new article with 3–15 passages, ready for SessionRegistry.addArticles. */
export function newArticle(
  rng: Rng,
  id: string,
  themes: readonly Theme[],
  now: string,
): { entry: ArticleEntry; article: ArticleData } {
  const text = articleText(rng)
  const passages = Array.from({ length: int(rng, 3, 15) }, (_, i) =>
    randomPassage(rng, text, `${id}-p${i}`, themes, now),
  )
  passages.sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1))
  return {
    entry: {
      id,
      title: `Article ${id}`,
      sourceFileName: `${id}.txt`,
      sha256: sha256Hex(text),
      chars: text.length,
      addedAt: now,
      attributes: { outlet: pick(rng, OUTLETS) },
      passageCount: passages.length,
    },
    article: { id, text, passages, ui: { scrollTop: 0 }, updatedAt: now },
  }
}

/**
 * A digest of what a session folder holds for the analyst: the codebook and
 * groups, the attributes, the article list with attributes, and every
 * article's passages and view. Leaves out what the index only caches or
 * writes lazily (the session's updatedAt, the open article): a state loaded
 * from disk and the state in memory that was saved have the same digest.
 */
export function stateDigest(state: Pick<CorpusState, 'meta' | 'articles'>): string {
  const hash = createHash('sha256')
  const { codebook, themeGroups, attributeDefs, articles, coders } = state.meta
  hash.update(canonicalJson({ codebook, themeGroups, attributeDefs, articles, coders }))
  for (const entry of articles) {
    const a = state.articles.get(entry.id)
    hash.update(
      a
        ? canonicalJson([a.id, a.updatedAt, a.ui, a.passages, sha256Hex(a.text)])
        : `missing ${entry.id}`,
    )
  }
  return hash.digest('hex').slice(0, 16)
}

/** JSON with every object's keys sorted: the same data gives the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/** A short description of a state for failure messages. */
export function describeState(state: Pick<CorpusState, 'meta' | 'articles'>): string {
  let passages = 0
  for (const a of state.articles.values()) passages += a.passages.length
  return (
    `${state.meta.articles.length} articles, ${passages} passages, ` +
    `themes ${state.meta.codebook.map((t) => t.id).join(',')}`
  )
}

/** The kinds of change the child makes; the parent aims its kills at each in turn. */
export const EDIT_KINDS = [
  'passage',
  'view',
  'tag-many',
  'merge',
  'delete-theme',
  'rename',
  'remove',
  'restore',
  'add',
  'coder-layer',
] as const
export type EditKind = (typeof EDIT_KINDS)[number]

/** What the child does next: edits for applyEdits, or articles for addArticles. */
export type PlannedChange =
  | { kind: EditKind; articleId: string | null; edits: CorpusEdit[] }
  | { kind: 'add'; articles: { entry: ArticleEntry; article: ArticleData }[] }

const MIN_ARTICLES = 12
const MAX_ARTICLES = 60
const MIN_THEMES = 3
const MAX_THEMES = 10

/**
 * Plans one change of `state` (whose articles are all in memory, as in
 * main): of kind `want` when it can be made, else of a random kind.
 * `removed`: restore edits of earlier removals, which the planner may use
 * (and then drops). `fresh` makes new ids.
 */
export function planChange(
  rng: Rng,
  state: CorpusState,
  removed: CorpusEdit[],
  fresh: () => string,
  now: string,
  want?: EditKind,
): PlannedChange {
  if (want) {
    const change = planKind(want, rng, state, removed, fresh, now)
    if (change) return change
  }
  for (;;) {
    const kind = pick(rng, [
      ...EDIT_KINDS,
      // One article's passages change most often, as in real work.
      'passage',
      'passage',
      'merge',
      'tag-many',
    ] as const)
    const change = planKind(kind, rng, state, removed, fresh, now)
    if (change) return change
  }
}

/** A change of one kind, or null when the state does not allow it. */
function planKind(
  kind: EditKind,
  rng: Rng,
  state: CorpusState,
  removed: CorpusEdit[],
  fresh: () => string,
  now: string,
): PlannedChange | null {
  const { codebook } = state.meta
  const listed = state.meta.articles
  const passages = () => [...corpusPassages(state)]
  switch (kind) {
    case 'passage': {
      const entry = pick(rng, listed)
      const article = state.articles.get(entry.id)!
      const existing = article.passages
      const roll = rng()
      if (roll < 0.2 && existing.length > 0)
        return {
          kind,
          articleId: entry.id,
          edits: [{ type: 'deletePassage', id: pick(rng, existing).id }],
        }
      if (roll < 0.4 && existing.length > 0) {
        const p = pick(rng, existing)
        return {
          kind,
          articleId: entry.id,
          edits: [
            { type: 'putPassage', passage: { ...p, note: `note ${fresh()}`, updatedAt: now } },
          ],
        }
      }
      return {
        kind,
        articleId: entry.id,
        edits: [
          { type: 'putPassage', passage: randomPassage(rng, article.text, fresh(), codebook, now) },
        ],
      }
    }
    case 'view':
      return {
        kind,
        articleId: pick(rng, listed).id,
        edits: [{ type: 'setUi', ui: { scrollTop: int(rng, 0, 50_000) } }],
      }
    case 'tag-many': {
      // A new theme, given in the same step to a third of the corpus's passages.
      if (codebook.length >= MAX_THEMES) return null
      const id = `t-${fresh()}`
      const next = renumberKeys(
        [...codebook, { id, name: `Theme ${id}`, colour: '#336699', key: '' }],
        codebook,
      )
      const order = next.map((t) => t.id)
      const changes = passages()
        .filter(() => rng() < 0.33)
        .map((p) => ({
          id: p.id,
          articleId: p.articleId,
          themeIds: [...p.themeIds, id].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
          updatedAt: now,
          was: { themeIds: p.themeIds, updatedAt: p.updatedAt },
        }))
      return {
        kind,
        articleId: null,
        edits: [{ type: 'setCodebook', codebook: next, passages: changes }],
      }
    }
    case 'merge': {
      if (codebook.length <= MIN_THEMES) return null
      const from = pick(rng, codebook)
      const into = pick(
        rng,
        codebook.filter((t) => t.id !== from.id),
      )
      return {
        kind,
        articleId: null,
        edits: [mergeThemes({ codebook, passages: passages() }, from.id, into.id, now)],
      }
    }
    case 'delete-theme':
      if (codebook.length <= MIN_THEMES) return null
      return {
        kind,
        articleId: null,
        edits: [deleteTheme({ codebook, passages: passages() }, pick(rng, codebook).id, now)],
      }
    case 'rename': {
      const some = listed.filter(() => rng() < 0.3)
      if (some.length === 0) return null
      return {
        kind,
        articleId: null,
        edits: [
          {
            type: 'setArticleMeta',
            articles: some.map((a) => ({
              id: a.id,
              title: `Article ${fresh()}`,
              attributes: { ...a.attributes, outlet: pick(rng, OUTLETS) },
            })),
          },
        ],
      }
    }
    case 'remove': {
      if (listed.length <= MIN_ARTICLES) return null
      const ids = [...new Set(Array.from({ length: int(rng, 1, 5) }, () => pick(rng, listed).id))]
      return { kind, articleId: null, edits: [{ type: 'removeArticles', ids }] }
    }
    case 'restore': {
      const edit = removed.pop()
      return edit ? { kind, articleId: null, edits: [edit] } : null
    }
    case 'coder-layer': {
      // A coder's copy brought back: their passages in about half the
      // articles (replacing those brought back before), sometimes a theme
      // of their own, planned as "Bring coders' work back…" plans it.
      const [coder, slug] = pick(rng, [
        ['Amélie', 'amelie'],
        ['Karim', 'karim'],
      ] as const)
      const own =
        codebook.length < MAX_THEMES && rng() < 0.3
          ? [{ id: `c-${fresh()}`, name: `Theme of ${slug} ${fresh()}`, colour: '#8F7A00' }]
          : []
      const themes = [...codebook, ...own]
      const texts = new Map<string, ArticleData>()
      for (const entry of listed) {
        const article = state.articles.get(entry.id)!
        const passages =
          rng() < 0.5
            ? Array.from({ length: int(rng, 1, 6) }, () => ({
                ...randomPassage(rng, article.text, `${slug}-${fresh()}`, themes, now),
                author: coder,
              }))
            : []
        texts.set(entry.id, { ...article, passages })
      }
      const { edit } = planCoderLayer(
        state,
        { file: `${slug}.gloss.zip`, coder, codebook: themes, articles: listed, texts },
        now,
      )
      return { kind, articleId: null, edits: [edit] }
    }
    case 'add':
      if (listed.length >= MAX_ARTICLES) return null
      return {
        kind,
        articles: Array.from({ length: int(rng, 1, 6) }, () =>
          newArticle(rng, `a-${fresh()}`, codebook, now),
        ),
      }
  }
}
