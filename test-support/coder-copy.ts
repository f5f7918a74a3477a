// Coder copies as tests need them before "Make coder copies…" writes them:
// a session's state turned into the copy one coder works in (a new id, the
// session it comes from and the coder in `coderCopy`, the coder's record),
// and passages tagged in it by that coder. write-coder-copy.ts zips one as
// a one-file copy. Pure (no Node): shared, renderer and main tests use it.
// Test support only.
import type { CoderRecord } from '@shared/model/corpus'
import type { CorpusState } from '@shared/model/corpus-edits'
import { comparePassages, makePassage } from '@shared/model/edits'
import type { Passage } from '@shared/model/schema'

export const COPY_MADE_AT = '2026-12-02T08:00:00.000Z'
export const CODED_AT = '2026-12-03T14:30:00.000Z'

export interface CoderCopyOptions {
  coder: string
  /** The copy's own id (default: made from the coder's name). */
  id?: string
  madeAt?: string
  /** Keep the session's passages in the copy ("Include my passages"); default: none. */
  keepPassages?: boolean
  /** The articles the coder opened, by the copy's article ids (default: none). */
  opened?: string[]
}

/** An id for a coder's copy: letters and digits of the name's code points. */
function copyIdOf(coder: string): string {
  const code = [...coder].map((c) => c.codePointAt(0)!.toString(36)).join('')
  return `copy-${code}`.slice(0, 64)
}

/** The copy of `session` a coder works in, before they tag anything. */
export function coderCopyOf(session: CorpusState, options: CoderCopyOptions): CorpusState {
  const articles = new Map(
    [...session.articles].map(([id, a]) => [
      id,
      { ...a, passages: options.keepPassages ? a.passages : [] },
    ]),
  )
  const record: CoderRecord = { name: options.coder, opened: options.opened ?? [] }
  const list = session.meta.articles.map((a) => ({
    ...a,
    passageCount: articles.get(a.id)?.passages.length ?? 0,
  }))
  return {
    ...session,
    id: options.id ?? copyIdOf(options.coder),
    meta: {
      ...session.meta,
      articles: list,
      coders: [record],
      coderCopy: {
        sessionId: session.id,
        coder: options.coder,
        madeAt: options.madeAt ?? COPY_MADE_AT,
      },
    },
    articles,
  }
}

/** A passage to tag: the first `quote` at or after `from`, with theme ids and a note. */
export interface TagSpec {
  quote: string
  themes: string[]
  from?: number
  note?: string
  id?: string
}

/** `state` with passages tagged by `author` in one article (its record says it was opened). */
export function tagged(
  state: CorpusState,
  articleId: string,
  author: string,
  specs: readonly TagSpec[],
  now = CODED_AT,
): CorpusState {
  const article = state.articles.get(articleId)
  if (!article) throw new Error(`no article ${articleId}`)
  const added: Passage[] = specs.map((spec, i) => {
    const start = article.text.indexOf(spec.quote, spec.from ?? 0)
    if (start < 0) throw new Error(`no “${spec.quote}” in ${articleId}`)
    const p = makePassage(article.text, {
      id: spec.id ?? `${articleId}-${author.replace(/[^A-Za-z0-9]/g, '')}-${start}-${i}`,
      start,
      end: start + spec.quote.length,
      themeIds: spec.themes,
      author,
      now,
    })
    return spec.note ? { ...p, note: spec.note } : p
  })
  const passages = [...article.passages, ...added].sort(comparePassages)
  const coders = state.meta.coders?.map((r) =>
    r.name === author && !r.opened.includes(articleId)
      ? { ...r, opened: [...r.opened, articleId] }
      : r,
  )
  return {
    ...state,
    meta: {
      ...state.meta,
      ...(coders && { coders }),
      articles: state.meta.articles.map((a) =>
        a.id === articleId ? { ...a, passageCount: passages.length } : a,
      ),
    },
    articles: new Map(state.articles).set(articleId, { ...article, passages }),
  }
}
