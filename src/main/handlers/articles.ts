// Adding articles to an open session: "Add articles…" (a multi-select
// dialog), files dropped on the window, and "Paste as new article". One
// batch at a time per session; cancelAddArticles stops it after the file
// being read (what was added stays). Progress goes to the renderer as
// onAddArticlesProgress events.
import { randomUUID } from 'node:crypto'
import { fail, ok, type AddArticlesResult, type PendingTable } from '@shared/api'
import { guessMapping } from '@shared/model/table-mapping'
import { mainMessage } from '@shared/main-messages'
import { MAX_ARTICLES } from '@shared/model/corpus'
import { pastedTitle } from '@shared/model/pasted-article'
import { normalizeText } from '@shared/model/text'
import { addArticleBatch, newArticle, type AddedArticle } from '../import/add-articles'
import { ARTICLE_EXTENSIONS, type ReadFile } from '../import/article'
import { tableArticles } from '../import/table-articles'
import { StoreError } from '../store/session-file'
import { sha256Hex } from '../store/hash'
import type { OpenEntry } from '../sessions/registry'
import type { AttributeDef } from '@shared/model/corpus'
import type { HandlerGroup } from './context'

/** Rows of a table shown beside its mapping. */
const SAMPLE_ROWS = 5
/** Tables read and waiting for their mapping, at most (the oldest is forgotten). */
const MAX_PENDING_TABLES = 20

type TableRead = Extract<ReadFile, { kind: 'table' }>

export const articleHandlers: HandlerGroup<
  'addArticles' | 'addArticleFiles' | 'addArticleTable' | 'pasteArticle' | 'cancelAddArticles'
> = ({ sessions, dialogs, words, now, parser, settings, onAddArticlesProgress }) => {
  /** The running batch of each session: whether it was cancelled. */
  const batches = new Map<string, { cancelled: boolean }>()
  /** Tables of articles read by a batch, by token: their rows wait for the analyst's mapping. */
  const tables = new Map<string, { sessionId: string; read: TableRead }>()

  const keepTable = (sessionId: string, read: TableRead): PendingTable => {
    const token = randomUUID()
    tables.set(token, { sessionId, read })
    for (const old of tables.keys()) if (tables.size > MAX_PENDING_TABLES) tables.delete(old)
    const { table, file, source } = read
    const guess = guessMapping(table.columns)
    const columns = Object.fromEntries(
      Object.entries(guess).filter(
        (e): e is [string, number] => e[0] !== 'others' && typeof e[1] === 'number',
      ),
    )
    return {
      token,
      file,
      format: source.format === 'xlsx' ? 'xlsx' : 'csv',
      columns: table.columns,
      sample: table.rows.slice(0, SAMPLE_ROWS),
      rowCount: table.rows.length,
      ...(table.encoding && { encoding: table.encoding }),
      ...(table.sheet && { sheet: table.sheet }),
      guess: { columns, custom: guess.others },
    }
  }

  const runBatch = async (
    sessionId: string,
    entry: OpenEntry,
    paths: readonly string[],
    options: {
      read?: Parameters<typeof addArticleBatch>[1]['read']
      /** Written with the first chunk: the custom attributes the articles need. */
      attributeDefs?: AttributeDef[] | null
      /** The session's batch, reserved by the caller before it got the paths ready. */
      batch?: { cancelled: boolean }
    } = {},
  ) => {
    const batch = options.batch ?? { cancelled: false }
    batches.set(sessionId, batch)
    let attributeDefs = options.attributeDefs ?? undefined
    try {
      return ok(
        await addArticleBatch(paths, {
          existing: () => entry.state.meta.articles,
          commit: async (added: AddedArticle[]) => {
            // Closed meanwhile: its folder is no longer this Gloss's to write.
            if (sessions.get(sessionId) !== entry)
              throw new StoreError('write-failed', mainMessage('main.session.notOpen'))
            await sessions.addArticles(entry, added, attributeDefs)
            attributeDefs = undefined
          },
          now,
          cancelled: () => batch.cancelled,
          onProgress: (p) => onAddArticlesProgress?.({ sessionId, ...p }),
          onTable: (read) => keepTable(sessionId, read),
          parser,
          keepOriginals: (await settings.get()).keepOriginals,
          ...(options.read && { read: options.read }),
        }),
      )
    } finally {
      batches.delete(sessionId)
    }
  }

  const busy = () => fail('invalid-argument', mainMessage('main.add.busy'))

  return {
    addArticles: (sessionId) =>
      sessions.withWritable(sessionId, async (entry) => {
        if (batches.has(sessionId)) return busy()
        const text = await words()
        const paths = await dialogs.openFiles({
          title: text('dialog.addArticles'),
          filters: [{ name: text('filter.articles'), extensions: [...ARTICLE_EXTENSIONS] }],
        })
        if (!paths) return ok(null)
        // Asked twice while the dialog was open: one batch only.
        if (batches.has(sessionId)) return busy()
        return runBatch(sessionId, entry, paths)
      }),
    addArticleFiles: (sessionId, paths) =>
      sessions.withWritable(sessionId, async (entry) =>
        batches.has(sessionId) ? busy() : runBatch(sessionId, entry, paths),
      ),
    addArticleTable: (sessionId, token, mapping) =>
      sessions.withWritable(sessionId, async (entry) => {
        if (batches.has(sessionId)) return busy()
        const pending = tables.get(token)
        if (!pending || pending.sessionId !== sessionId)
          return fail('not-found', mainMessage('main.table.gone'))
        const { table, file, source } = pending.read
        if (mapping.columns.text >= table.columns.length)
          return fail('invalid-argument', mainMessage('main.table.noTextColumn'))
        tables.delete(token)
        // The session's batch from now: its rows are made into articles a slice at a time.
        const batch = { cancelled: false }
        batches.set(sessionId, batch)
        let rows: Awaited<ReturnType<typeof tableArticles>>
        try {
          rows = await tableArticles(table, mapping, file, source, entry.state.meta.attributeDefs)
        } catch (e) {
          batches.delete(sessionId)
          throw e
        }
        const byLabel = new Map(rows.rows.map((r) => [r.label, r.article]))
        const r = await runBatch(
          sessionId,
          entry,
          rows.rows.map((row) => row.label),
          {
            attributeDefs: rows.attributeDefs,
            batch,
            read: (label) => Promise.resolve({ kind: 'article', article: byLabel.get(label)! }),
          },
        )
        if (!r.ok) return r
        const added = new Set(r.value.added.map((a) => a.id))
        // The new attributes are the session's once an article is added with them.
        const defsWritten = rows.attributeDefs !== null && added.size > 0
        return ok({
          ...r.value,
          failures: [...rows.failures, ...r.value.failures],
          ...(rows.notes.length && { notes: rows.notes }),
          ...(defsWritten && { attributeDefs: rows.attributeDefs! }),
        })
      }),
    pasteArticle: (sessionId, pasted, title) =>
      sessions.withWritable(sessionId, async (entry) => {
        const text = normalizeText(pasted)
        if (!text) return fail('invalid-argument', mainMessage('main.add.pasteEmpty'))
        const sha256 = sha256Hex(text)
        const same = entry.state.meta.articles.find((a) => a.sha256 === sha256)
        const result: AddArticlesResult = {
          added: [],
          duplicates: [],
          failures: [],
          cancelled: false,
        }
        if (same) return ok({ ...result, duplicates: [{ file: '', title: same.title }] })
        if (entry.state.meta.articles.length >= MAX_ARTICLES)
          return ok({
            ...result,
            failures: [{ file: '', reason: mainMessage('main.add.full', { max: MAX_ARTICLES }) }],
          })
        const added = newArticle(
          { title: title?.trim() || pastedTitle(text), sourceFileName: '', text, sha256 },
          now(),
        )
        await sessions.addArticles(entry, [added])
        return ok({ ...result, added: [added.entry] })
      }),
    cancelAddArticles: (sessionId) => {
      const batch = batches.get(sessionId)
      if (batch) batch.cancelled = true
      return Promise.resolve(ok(null))
    },
  }
}
