// Everything the session view needs of its articles, in one hook: the
// articles panel (shown by default once the session has more than one
// article), its filter and sort (which also order "next / previous
// article"), adding articles (dialog, dropped files, pasted text) with
// progress, Cancel and a report, renaming and removing (confirmed, undoable).
// The session view mounts `column` left of the article and `layers` once.
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import type { AddArticlesResult, GlossError, PendingTable } from '@shared/api'
import type { SessionCommands } from '@renderer/actions/types'
import { useI18n } from '@renderer/i18n/i18n'
import { useArticleFilter } from '@renderer/state/article-filter-store'
import { openingKey, overlays } from '@renderer/state/overlay-store'
import { useOverlays } from '@renderer/state/use-overlays'
import type { SessionSnapshot, SessionStore } from '@renderer/state/session-store'
import { AddProgress } from './AddProgress'
import { AddReportDialog } from './AddReportDialog'
import { adjacentArticle, listedArticles, nextSort, type ArticleSort } from './article-list'
import { ArticlesPanel } from './ArticlesPanel'
import { DropOverlay } from './DropOverlay'
import { PasteArticleDialog } from './PasteArticleDialog'
import { TableMappingDialog } from './TableMappingDialog'
import { RemoveArticleDialog } from './RemoveArticleDialog'
import { mergeReports, useAddArticles, type AddReport } from './use-add-articles'
import { useFileDrop } from './use-file-drop'

export type ArticleCommands = Pick<
  SessionCommands,
  'toggleArticles' | 'moveArticle' | 'addArticles' | 'pasteArticle'
>

export interface ArticleNotice {
  kind: 'info' | 'error'
  text: string
}

interface Options {
  store: SessionStore
  snap: SessionSnapshot
  readOnly: boolean
  onNotice: (notice: ArticleNotice) => void
  /** Opens an article's details (the attributes panel), when the session view has one. */
  onShowDetails?: (articleId: string) => void
}

export interface ArticleWorkspace {
  commands: ArticleCommands
  panelOpen: boolean
  /** The articles panel, or null while it is hidden. */
  column: ReactNode
  /** Progress, the drop overlay and the dialogs. */
  layers: ReactNode
}

export function useArticleWorkspace({
  store,
  snap,
  readOnly,
  onNotice,
  onShowDetails,
}: Options): ArticleWorkspace {
  const { t, plural, errorText } = useI18n()
  const { meta, articleId } = snap
  const sessionId = snap.session.id
  const count = meta.articles.length
  // Shown by default with several articles; the analyst's toggle wins.
  const [panelChoice, setPanelChoice] = useState<boolean | null>(null)
  const panelOpen = panelChoice ?? count > 1
  // The session's one filter: the summary's and the exports' "filtered articles" too.
  const [filter, setFilter] = useArticleFilter(sessionId)
  const [sort, setSort] = useState<ArticleSort>(null)
  const listed = useMemo(
    () => listedArticles(meta.articles, filter, sort, meta.attributeDefs),
    [meta.articles, meta.attributeDefs, filter, sort],
  )
  const [report, setReport] = useState<AddReport | null>(null)
  /**
   * Tables of articles an add found, waiting for their columns (the first
   * is asked), and what the add has reported so far: one report at the end.
   */
  const [tables, setTables] = useState<{ pending: PendingTable[]; report: AddReport } | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)
  const open = useOverlays()
  const pasteKey = openingKey(open, 'pasteArticle')
  const removeKey = openingKey(open, 'removeArticle')
  const reportKey = openingKey(open, 'addReport')
  const tableKey = openingKey(open, 'tableMapping')

  const openArticle = useCallback(
    (id: string) => {
      const entry = store.getSnapshot().meta.articles.find((a) => a.id === id)
      void store.switchArticle(id).then((ok) => {
        if (!ok)
          onNotice({ kind: 'error', text: t('articles.cannotOpen', { title: entry?.title ?? '' }) })
      })
    },
    [store, onNotice, t],
  )

  const onDone = useCallback(
    (r: AddArticlesResult, how: 'files' | 'paste') => {
      if (r.tables?.length) {
        // Tables first: their rows are added once their columns are chosen.
        setTables({ pending: r.tables, report: { ...r, tables: undefined } })
        overlays.open('tableMapping')
        return
      }
      const clean =
        !r.cancelled && r.stoppedBy === undefined && r.failures.length === 0 && !r.notes?.length
      if (how === 'paste' && clean && r.added[0]) {
        // A pasted article is there to be read: open it.
        openArticle(r.added[0].id)
        onNotice({ kind: 'info', text: t('articles.pasted', { title: r.added[0].title }) })
      } else if (how === 'paste' && clean && r.duplicates[0]) {
        onNotice({
          kind: 'info',
          text: t('articles.duplicatePaste', { title: r.duplicates[0].title }),
        })
      } else if (clean && r.duplicates.length === 0) {
        onNotice({
          kind: 'info',
          text: t('articles.added', { articles: plural('count.articles', r.added.length) }),
        })
      } else {
        setReport(r)
        overlays.open('addReport')
      }
    },
    [onNotice, openArticle, t, plural],
  )
  const onError = useCallback(
    (error: GlossError) =>
      onNotice({ kind: 'error', text: t('articles.addFailed', { message: errorText(error) }) }),
    [onNotice, t, errorText],
  )
  const adding = useAddArticles({ store, sessionId, onDone, onError })

  const dragging = useFileDrop((files) => {
    if (readOnly) return
    const paths = window.gloss.pathsOfDroppedFiles(files)
    const notOnDisk = files.flatMap((f, i) =>
      paths[i] ? [] : [{ file: f.name, reason: t('articles.drop.notOnDisk') }],
    )
    void adding.addFiles(paths.filter(Boolean), notOnDisk)
  })

  const rename = useCallback(
    (id: string, title: string) => {
      const entry = store.getSnapshot().meta.articles.find((a) => a.id === id)
      if (!entry || readOnly) return
      try {
        store.edit([
          { type: 'setArticleMeta', articles: [{ id, title, attributes: entry.attributes }] },
        ])
        onNotice({ kind: 'info', text: t('articles.renamed', { title }) })
      } catch (e) {
        onNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) })
      }
    },
    [store, readOnly, onNotice, t],
  )

  const askRemove = useCallback((id: string) => {
    setRemoving(id)
    overlays.open('removeArticle')
  }, [])
  const removingEntry = meta.articles.find((a) => a.id === removing)

  const commands: ArticleCommands = {
    toggleArticles: () => setPanelChoice(!panelOpen),
    moveArticle: (direction) => {
      const next = adjacentArticle(listed, store.targetArticleId(), direction)
      if (next) openArticle(next.id)
      return next !== null
    },
    addArticles: () => {
      if (readOnly || adding.busy()) return false
      void adding.addFromDialog()
      return true
    },
    pasteArticle: () => overlays.open('pasteArticle'),
  }

  const column = panelOpen ? (
    <ArticlesPanel
      all={meta.articles}
      listed={listed}
      defs={meta.attributeDefs}
      openId={articleId}
      filter={filter}
      onFilter={setFilter}
      sort={sort}
      onSort={(key) => setSort((s) => nextSort(s, key))}
      readOnly={readOnly}
      onAdd={commands.addArticles}
      onPaste={commands.pasteArticle}
      onHide={commands.toggleArticles}
      onOpen={openArticle}
      onRename={rename}
      onRemove={count > 1 ? askRemove : undefined}
      onShowDetails={onShowDetails}
    />
  ) : null

  const layers = (
    <>
      {adding.batch && <AddProgress batch={adding.batch} onCancel={adding.cancel} />}
      {dragging !== null && <DropOverlay files={dragging} readOnly={readOnly} />}
      {reportKey !== 0 && report && (
        <AddReportDialog
          key={reportKey}
          report={report}
          onClose={() => {
            overlays.close('addReport', reportKey)
            setReport(null)
          }}
        />
      )}
      {tableKey !== 0 && tables?.pending[0] && (
        <TableMappingDialog
          key={`${tableKey}-${tables.pending[0].token}`}
          table={tables.pending[0]}
          onDone={(mapping) => {
            const [table, ...rest] = tables.pending
            const sofar = tables.report
            overlays.close('tableMapping', tableKey)
            const next = (r: AddReport) => {
              if (rest.length) {
                setTables({ pending: rest, report: r })
                overlays.open('tableMapping')
              } else {
                setTables(null)
                onDone(r, 'files')
              }
            }
            if (!mapping || !table) {
              next(sofar)
              return
            }
            void adding
              .addTable(table.token, mapping)
              .then((added) => next(added ? mergeReports(sofar, added) : sofar))
          }}
        />
      )}
      {pasteKey !== 0 && (
        <PasteArticleDialog
          key={pasteKey}
          onDone={(pasted) => {
            overlays.close('pasteArticle', pasteKey)
            if (pasted) void adding.paste(pasted.text, pasted.title)
          }}
        />
      )}
      {removeKey !== 0 && removingEntry && (
        <RemoveArticleDialog
          key={removeKey}
          article={removingEntry}
          onDone={(confirmed) => {
            overlays.close('removeArticle', removeKey)
            setRemoving(null)
            if (!confirmed) return
            void store.removeArticles([removingEntry.id]).then(
              (removed) => {
                if (removed)
                  onNotice({
                    kind: 'info',
                    text: t('articles.removed', {
                      title: removingEntry.title,
                      passages: plural('count.passages', removingEntry.passageCount),
                    }),
                  })
              },
              (e: unknown) =>
                onNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) }),
            )
          }}
        />
      )}
    </>
  )

  return { commands, panelOpen, column, layers }
}
