// Writes a session folder (format 2) to disk the way Gloss does, through
// CorpusFolder.saveAll: an index with its codebook, theme groups and
// articles, and one file per article. For specs and tests that need a
// session of many articles before Gloss opens it ("Open session…" on its
// session.json). Test support only.
import { createHash, randomUUID } from 'node:crypto'
import type {
  ArticleData,
  ArticleEntry,
  AttributeDef,
  AttributeValues,
  ThemeGroup,
} from '../src/shared/model/corpus'
import type { CorpusState } from '../src/shared/model/corpus-edits'
import { comparePassages, makePassage } from '../src/shared/model/edits'
import type { Passage, Theme } from '../src/shared/model/schema'
import { writeCorpus } from './write-corpus'

export interface FolderArticle {
  id?: string
  title: string
  /** Normalized text (NFC, LF). */
  text: string
  /** Passages as [the quoted words (their first occurrence), theme ids]. */
  tags?: readonly (readonly [string, readonly string[]])[]
  attributes?: AttributeValues
}

export interface FolderSpec {
  id?: string
  codebook: readonly Theme[]
  themeGroups?: readonly ThemeGroup[]
  attributeDefs?: readonly AttributeDef[]
  articles: readonly FolderArticle[]
  /** Every time stamp of the session. */
  now?: string
}

export interface WrittenFolder {
  /** The session folder. */
  dir: string
  /** Its index: what "Open session…" is answered with. */
  indexPath: string
  state: CorpusState
}

/** The passage over the first occurrence of `words` in `text`. */
export function passageOver(
  text: string,
  words: string,
  themeIds: readonly string[],
  options: { id?: string; now: string },
): Passage {
  const start = text.indexOf(words)
  if (start < 0) throw new Error(`“${words}” is not in the text`)
  return makePassage(text, {
    id: options.id ?? randomUUID(),
    start,
    end: start + words.length,
    themeIds: [...themeIds],
    author: 'test-support',
    now: options.now,
  })
}

/** Writes the session folder `dir` (created; `<name>.gloss` by convention). */
export async function writeSessionFolder(dir: string, spec: FolderSpec): Promise<WrittenFolder> {
  const now = spec.now ?? '2026-11-27T10:00:00.000Z'
  const entries: ArticleEntry[] = []
  const articles = new Map<string, ArticleData>()
  for (const a of spec.articles) {
    const id = a.id ?? randomUUID()
    const passages = (a.tags ?? [])
      .map(([words, themes], i) => passageOver(a.text, words, themes, { id: `${id}-p${i}`, now }))
      .sort(comparePassages)
    entries.push({
      id,
      title: a.title,
      sourceFileName: `${a.title}.txt`,
      sha256: createHash('sha256').update(a.text, 'utf8').digest('hex'),
      chars: a.text.length,
      addedAt: now,
      attributes: a.attributes ?? {},
      passageCount: passages.length,
    })
    articles.set(id, { id, text: a.text, passages, ui: { scrollTop: 0 }, updatedAt: now })
  }
  const state: CorpusState = {
    id: spec.id ?? randomUUID(),
    createdAt: now,
    updatedAt: now,
    meta: {
      codebook: [...spec.codebook],
      themeGroups: [...(spec.themeGroups ?? [])],
      attributeDefs: [...(spec.attributeDefs ?? [])],
      articles: entries,
    },
    articles,
  }
  return { dir, indexPath: await writeCorpus(dir, state), state }
}
