// Session folders as tests read them back from disk: the index
// (session.json) and the article files it names. Test support only.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleFile, CorpusIndex } from '@shared/model/corpus'
import type { Session } from '@shared/model/schema'

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
