// Session folders as tests read them back from disk: the index
// (session.json) and the article files it names; and written, for tests
// that start from a session of several articles. Test support only.
import { existsSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import {
  CORPUS_FORMAT,
  type ArticleFile,
  type AttributeDef,
  type AttributeValues,
  type CorpusIndex,
} from '@shared/model/corpus'
import type { Session, Theme } from '@shared/model/schema'

/** The session folders (`*.gloss`) under `<dataDir>/sessions`. */
export async function sessionFolders(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'sessions')
  return (await readdir(dir)).filter((n) => n.endsWith('.gloss')).map((n) => join(dir, n))
}

/** The session folder (the first, in a data folder the test filled with one). */
export async function sessionFolder(dataDir: string): Promise<string> {
  const [dir] = await sessionFolders(dataDir)
  if (!dir) throw new Error(`no session folder in ${join(dataDir, 'sessions')}`)
  return dir
}

/** The index of a session folder, as on disk. */
export async function readIndex(dir: string): Promise<CorpusIndex> {
  return JSON.parse(await readFile(join(dir, 'session.json'), 'utf8')) as CorpusIndex
}

/** Every article file the index names, in list order. */
export async function readArticles(dir: string): Promise<ArticleFile[]> {
  const index = await readIndex(dir)
  return Promise.all(
    index.articles.map(
      async (a) => JSON.parse(await readFile(join(dir, a.file), 'utf8')) as ArticleFile,
    ),
  )
}

/**
 * One article of a saved session seen as a one-article session (the shape
 * of format 1): the codebook with the article's text, passages and view.
 * `article`: its index in the list (default the first).
 */
export async function readArticleView(dir: string, article = 0): Promise<Session> {
  const index = await readIndex(dir)
  const entry = index.articles[article]
  if (!entry) throw new Error(`no article ${article} in ${dir}`)
  const a = JSON.parse(await readFile(join(dir, entry.file), 'utf8')) as ArticleFile
  return {
    schemaVersion: 1,
    id: index.id,
    createdAt: index.createdAt,
    updatedAt: a.updatedAt,
    document: {
      title: entry.title,
      sourceFileName: entry.sourceFileName,
      text: a.text,
      sha256: entry.sha256,
    },
    codebook: index.codebook,
    passages: a.passages,
    ui: a.ui,
  }
}

/** The first (or only) session of a data folder, its first article seen as format 1. */
export async function savedSession(dataDir: string, article = 0): Promise<Session> {
  return readArticleView(await sessionFolder(dataDir), article)
}

/** The lock another Gloss writes in a session folder it has open: here, on another machine. */
/**
 * Waits until no Gloss holds the session folder (its lock file gone), as
 * after "← Sessions": the window shows the start screen before main has
 * written what it writes on close and let the folder go. Throws after 10 s.
 */
export async function waitClosed(dir: string): Promise<void> {
  const lock = join(dir, 'session.json.lock')
  for (const started = Date.now(); existsSync(lock);) {
    if (Date.now() - started > 10_000) throw new Error(`${lock} is still there after 10 s`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export async function lockFromAnotherMachine(dir: string): Promise<void> {
  await writeFile(
    join(dir, 'session.json.lock'),
    JSON.stringify({
      app: 'gloss',
      host: 'laptop-of-alex',
      pid: 4242,
      instance: 'x',
      since: '2026-11-27T09:30:00.000Z',
    }),
  )
}

/** Every file under a folder (relative path → bytes as base64), to prove nothing was written. */
export async function folderSnapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const walk = async (sub: string) => {
    for (const e of await readdir(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name
      if (e.isDirectory()) await walk(rel)
      else if (!e.name.endsWith('.lock'))
        out.set(rel, (await readFile(join(dir, rel))).toString('base64'))
    }
  }
  await walk('')
  return out
}

/** The most recently created session of a data folder, its first article seen as format 1. */
export async function newestSession(dataDir: string): Promise<Session> {
  const views = await Promise.all((await sessionFolders(dataDir)).map((d) => readArticleView(d)))
  views.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
  const [newest] = views
  if (!newest) throw new Error(`no session folder in ${join(dataDir, 'sessions')}`)
  return newest
}

/** An article of a session folder a test writes. */
export interface ArticleSpec {
  title: string
  /** Normalized text (LF line ends). */
  text: string
  /** Default `<id>.txt`. */
  sourceFileName?: string
  attributes?: AttributeValues
  /** Default `article-<n>` (1-based). */
  id?: string
}

/**
 * Writes a session folder (format 2) as Gloss saves one: `session.json` and
 * one file per article, no passages, the codebook given or the default.
 * Returns the index's path (what "Open session…" is answered with).
 */
export async function writeSessionFolder(
  dir: string,
  spec: {
    articles: readonly ArticleSpec[]
    attributeDefs?: AttributeDef[]
    codebook?: Theme[]
    id?: string
    now?: string
  },
): Promise<string> {
  const now = spec.now ?? '2025-06-01T12:00:00.000Z'
  const id = spec.id ?? `session-${Math.random().toString(36).slice(2, 10)}`
  await mkdir(join(dir, 'articles'), { recursive: true })
  const articles = spec.articles.map((a, i) => {
    const articleId = a.id ?? `article-${i + 1}`
    return { spec: a, id: articleId, file: `articles/${articleId}.1.json` }
  })
  for (const a of articles) {
    const file: ArticleFile = {
      schemaVersion: CORPUS_FORMAT,
      sessionId: id,
      id: a.id,
      updatedAt: now,
      text: a.spec.text,
      passages: [],
      ui: { scrollTop: 0 },
    }
    await writeFile(join(dir, a.file), JSON.stringify(file))
  }
  const index: CorpusIndex = {
    schemaVersion: CORPUS_FORMAT,
    id,
    createdAt: now,
    updatedAt: now,
    codebook: spec.codebook ?? [...DEFAULT_CODEBOOK],
    themeGroups: [],
    attributeDefs: spec.attributeDefs ?? [],
    articles: articles.map((a) => ({
      id: a.id,
      title: a.spec.title,
      sourceFileName: a.spec.sourceFileName ?? `${a.id}.txt`,
      sha256: createHash('sha256').update(a.spec.text, 'utf8').digest('hex'),
      chars: a.spec.text.length,
      addedAt: now,
      attributes: a.spec.attributes ?? {},
      passageCount: 0,
      file: a.file,
    })),
    ui: { articleId: articles[0]?.id ?? null },
  }
  const indexPath = join(dir, 'session.json')
  await writeFile(indexPath, JSON.stringify(index, null, 2))
  return indexPath
}
