// The open session: header, the article with its highlights and theme
// toolbar, and the sidebar with passage details and the passage list. Keys,
// menu commands and header buttons run the actions of actions/registry.ts;
// which panel or dialog is open is the overlay store's.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ExportProgress, OpenedSession } from '@shared/api'
import type { CorpusEdit } from '@shared/model/corpus-edits'
import { makePassage, toggleTheme } from '@shared/model/edits'
import { adjacentPassage, filterPassages, NO_FILTER } from '@shared/model/passage-filter'
import type { Passage } from '@shared/model/schema'
import type { SessionCommands } from '@renderer/actions/types'
import { useActions } from '@renderer/actions/use-actions'
import {
  ArticleView,
  ThemeToolbar,
  type ArticleHandle,
  type PendingSelection,
  type TopParagraph,
} from '@renderer/features/article'
import { useArticleWorkspace } from '@renderer/features/articles'
import { AttributeOverlays } from '@renderer/features/attributes'
import { CodebookPanel, ThemePicker } from '@renderer/features/codebook'
import { CodersBar, useCoderLayers } from '@renderer/features/coder-layers'
import {
  CorpusSearchView,
  forgetRetrieval,
  PassagesView,
  useJump,
} from '@renderer/features/retrieval'
import { useSaveCopy } from '@renderer/features/portable'
import { useCoderCopies } from '@renderer/features/coders'
import { SessionSettings } from '@renderer/features/settings'
import { BringBackLayers, useBringBack } from '@renderer/features/bring-back'
import { AgreementView, sessionCoders } from '@renderer/features/agreement'
import { SearchBar, useArticleSearch } from '@renderer/features/search'
import { ShortcutsButton, ShortcutsDialog } from '@renderer/features/shortcuts'
import { PassageDetails, PassageList } from '@renderer/features/sidebar'
import {
  ExportChooser,
  filteredCount,
  SummaryView,
  type ExportChoice,
} from '@renderer/features/summary'
import { useI18n } from '@renderer/i18n/i18n'
import { articleFilters } from '@renderer/state/article-filter-store'
import { isOpen, openingKey, overlays } from '@renderer/state/overlay-store'
import { useOverlays } from '@renderer/state/use-overlays'
import { useSessionStore } from '@renderer/state/use-session-store'
import { guessLanguage } from './guess-language'
import { SessionHeader } from './SessionHeader'
import { useAfterPaint } from './use-after-paint'

const SCROLL_SAVE_MS = 400
const FLASH_MS = 1200

interface Props {
  opened: OpenedSession
  onClose: () => void
}

/** What the theme picker is open for: the text selected, or the selected passage. */
type PickFor = { pending: PendingSelection } | { passageId: string }

/** A notice of the session view, or (`opening`) the one main gave when it opened the session. */
type Notice = { kind: 'info' | 'error'; text: string } | { kind: 'info'; opening: true }

const ignoreSelection = () => {}

export function SessionView({ opened, onClose }: Props) {
  const { t, plural, fromMain, errorText } = useI18n()
  const [store, snap] = useSessionStore(opened)
  const { session } = snap
  const { text } = session.document
  const [pending, setPending] = useState<PendingSelection | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [flashId, setFlashId] = useState<string | null>(null)
  const readOnly = opened.readOnlyReason
  // Who new passages are attributed to: a coder name changed in Settings applies to the next one.
  const [author, setAuthor] = useState(opened.author)
  const [notice, setNotice] = useState<Notice | null>(
    opened.notice ? { kind: 'info', opening: true } : null,
  )
  const [exporting, setExporting] = useState(false)
  const [exportProgress, setExportProgress] = useState<ExportProgress | null>(null)
  const open = useOverlays()
  const summaryOpen = isOpen(open, 'summary')
  const chooserKey = openingKey(open, 'export')
  const codebookKey = openingKey(open, 'codebook')
  const shortcutsKey = openingKey(open, 'shortcuts')
  const passagesKey = openingKey(open, 'passages')
  const corpusSearchKey = openingKey(open, 'corpusSearch')
  const agreementKey = openingKey(open, 'agreement')
  const pickerKey = openingKey(open, 'picker')
  const [pickFor, setPickFor] = useState<PickFor | null>(null)
  const scrollTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const order = useMemo(() => session.codebook.map((t) => t.id), [session.codebook])
  const lang = useMemo(() => guessLanguage(text), [text])
  const drained = useCallback(() => store.drained(), [store])
  // The coders shown (features/coder-layers): the article, the list and the keys see their passages only.
  const layers = useCoderLayers(session.id, snap.meta, session.passages, drained)
  const { visible, show: showCoder, label: coderName } = layers
  const hiddenCoders = layers.hidden
  const severalCoders = layers.several
  const exportCoders = layers.exportCoders
  const selected = visible.find((p) => p.id === selectedId) ?? null
  // A selected passage whose coder is hidden is no longer selected.
  if (selectedId && !selected && session.passages.some((p) => p.id === selectedId))
    setSelectedId(null)
  const article = useRef<ArticleHandle>(null)
  const search = useArticleSearch(text, article)
  const [filter, setFilter] = useState(NO_FILTER)
  // A theme merged or deleted away (or an undone add) leaves the passage filter.
  if (filter.themeIds.some((id) => !order.includes(id)))
    setFilter({ ...filter, themeIds: filter.themeIds.filter((id) => order.includes(id)) })
  // The passage list follows edits a frame later than the article: the
  // highlight an analyst just made is painted first, then the list catches up
  // (after that frame is painted, not during it).
  const listed = useAfterPaint(visible)
  const shown = useMemo(() => filterPassages(listed, filter), [listed, filter])
  // The session's articles: the panel, adding, next/previous (features/articles).
  const articles = useArticleWorkspace({ store, snap, readOnly: !!readOnly, onNotice: setNotice })
  // Another article shown: what was selected in the last one goes.
  const [shownArticle, setShownArticle] = useState(snap.articleId)
  if (shownArticle !== snap.articleId) {
    setShownArticle(snap.articleId)
    setPending(null)
    setSelectedId(null)
  }

  // An undo or redo that belonged to another article switched to it first: say so.
  const [undoneSeen, setUndoneSeen] = useState<string | null>(null)
  if (snap.undoneIn !== undoneSeen) {
    setUndoneSeen(snap.undoneIn)
    if (snap.undoneIn !== null)
      setNotice({ kind: 'info', text: t('session.undoneIn', { title: snap.undoneIn }) })
  }

  const apply = useCallback(
    (edits: CorpusEdit[]) => {
      if (readOnly) return false
      try {
        store.edit(edits)
        return true
      } catch (e) {
        setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) })
        return false
      }
    },
    [store, readOnly],
  )

  const tagSelection = useCallback(
    (pending: PendingSelection, themeId: string) => {
      const now = new Date().toISOString()
      // Another coder's passage on the same words is theirs: a new one is made for this coder.
      const same = store
        .getSnapshot()
        .session.passages.find(
          (p) =>
            p.start === pending.start &&
            p.end === pending.end &&
            !hiddenCoders.has(p.author) &&
            (p.author === author || !severalCoders),
        )
      // Tagging exactly an existing passage adds the theme to it instead of a duplicate.
      const passage = same
        ? same.themeIds.includes(themeId)
          ? same
          : toggleTheme(same, themeId, order, now)
        : makePassage(text, {
            id: crypto.randomUUID(),
            start: pending.start,
            end: pending.end,
            themeIds: [themeId],
            author,
            now,
          })
      if (passage !== same && !apply([{ type: 'putPassage', passage }])) return
      // New passages are the current coder's, and are shown.
      if (passage.author === author) showCoder(author)
      window.getSelection()?.removeAllRanges()
      setPending(null)
      setSelectedId(passage.id)
    },
    [store, order, text, author, apply, hiddenCoders, severalCoders, showCoder],
  )
  const tag = useCallback(
    (themeId: string) => {
      if (pending) tagSelection(pending, themeId)
    },
    [pending, tagSelection],
  )

  const updatePassage = useCallback(
    (id: string, change: (p: Passage, now: string) => Passage) => {
      const p = store.getSnapshot().session.passages.find((x) => x.id === id)
      if (p) apply([{ type: 'putPassage', passage: change(p, new Date().toISOString()) }])
    },
    [store, apply],
  )

  const remove = useCallback(
    (id: string) => {
      if (apply([{ type: 'deletePassage', id }])) {
        setSelectedId(null)
        setNotice({ kind: 'info', text: t('session.deleted') })
      }
    },
    [apply, t],
  )

  const exportCsv = useCallback(
    async ({ layout, scope }: ExportChoice = { layout: 'passages', scope: 'session' }) => {
      setExporting(true)
      const stopProgress = window.gloss.onExportProgress(setExportProgress)
      try {
        await store.drained()
        const method = {
          passages: window.gloss.exportCsv,
          tidy: window.gloss.exportTidyCsv,
          matrix: window.gloss.exportMatrixCsv,
        }[layout]
        const filter = scope === 'filtered' ? articleFilters.get(session.id) : undefined
        const article = scope === 'article' ? snap.articleId : undefined
        const coders = scope === 'filtered' ? exportCoders : undefined
        const r = await method(session.id, filter, article, coders)
        if (!r.ok)
          setNotice({
            kind: 'error',
            text: t('session.exportFailed', { message: errorText(r.error) }),
          })
        else if (r.value) {
          const { rows, filePath: path } = r.value
          setNotice({
            kind: 'info',
            text:
              layout === 'tidy'
                ? t('session.exportedTidy', { rows: plural('count.rows', rows), path })
                : layout === 'matrix'
                  ? t('session.exportedMatrix', { articles: plural('corpus.articles', rows), path })
                  : t('session.exported', { passages: plural('count.passages', rows), path }),
          })
        }
      } finally {
        stopProgress()
        setExportProgress(null)
        setExporting(false)
      }
    },
    [store, session.id, snap.articleId, t, plural, errorText, exportCoders],
  )

  const copy = useSaveCopy(session.id, drained, setNotice)
  const coderCopies = useCoderCopies({
    sessionId: session.id,
    coderCopy: snap.meta.coderCopy,
    author,
    drained,
    onNotice: setNotice,
  })
  const bringBack = useBringBack({
    store,
    sessionId: session.id,
    onError: useCallback(
      (error) =>
        setNotice({ kind: 'error', text: t('bringBack.failed', { message: errorText(error) }) }),
      [t, errorText],
    ),
  })

  const back = useCallback(async () => {
    clearTimeout(scrollTimer.current)
    await store.drained()
    onClose()
  }, [store, onClose])

  const pick = useCallback(
    (id: string) => {
      setSelectedId(id)
      const p = store.getSnapshot().session.passages.find((x) => x.id === id)
      // A passage opened from the Passages view shows its coder if it was hidden.
      if (p) showCoder(p.author)
      if (p) article.current?.scrollToPassage(p)
      setFlashId(id)
    },
    [store, showCoder],
  )

  useEffect(() => {
    if (!flashId) return
    const t = setTimeout(() => setFlashId(null), FLASH_MS)
    return () => clearTimeout(t)
  }, [flashId])

  useEffect(() => () => clearTimeout(scrollTimer.current), [])
  // A scroll position waiting to be saved belongs to the article it was read in.
  useEffect(() => () => clearTimeout(scrollTimer.current), [snap.articleId])

  // Results of the Passages view and the corpus search open in their article.
  const jump = useJump(
    snap.articleId,
    (id) => store.switchArticle(id),
    (to) =>
      'passageId' in to
        ? pick(to.passageId)
        : search.showMatch(to.query, to.options, to.match.start),
  )
  const openResult = (to: Parameters<typeof jump>[0]) => {
    void jump(to).then((opened) => {
      const title = snap.meta.articles.find((a) => a.id === to.articleId)?.title ?? ''
      if (!opened) setNotice({ kind: 'error', text: t('retrieval.openFailed', { title }) })
    })
  }
  useEffect(() => () => forgetRetrieval(session.id), [session.id])

  const onScroll = useCallback(
    (scrollTop: number, topParagraph: () => TopParagraph) => {
      if (readOnly) return
      clearTimeout(scrollTimer.current)
      scrollTimer.current = setTimeout(() => {
        const top = topParagraph()
        store.editQuietly([
          {
            type: 'setUi',
            ui: {
              scrollTop: Math.max(0, Math.round(scrollTop)),
              topParagraph: { offset: top.offset, px: Math.round(top.px) },
            },
          },
        ])
      }, SCROLL_SAVE_MS)
    },
    [store, readOnly],
  )

  // The panels and dialogs of this session, and its article filter, close with it.
  useEffect(
    () => () => {
      overlays.closeAll()
      articleFilters.clear()
    },
    [],
  )

  const commands: SessionCommands = {
    undo: () => store.undo(),
    redo: () => store.redo(),
    pickTheme: () => {
      if (pending) setPickFor({ pending })
      else if (selectedId) setPickFor({ passageId: selectedId })
      else return
      overlays.open('picker')
    },
    applyTheme: (themeId) => {
      if (pending) tag(themeId)
      else if (selectedId)
        updatePassage(selectedId, (p, now) => toggleTheme(p, themeId, order, now))
    },
    deleteSelected: () => {
      if (selectedId) remove(selectedId)
    },
    movePassage: (direction) => {
      const current = selected
      const next = adjacentPassage(shown, current, direction)
      if (next) pick(next.id)
      return !!next
    },
    focusNote: () => {
      const note = document.querySelector<HTMLTextAreaElement>('.details textarea')
      note?.focus()
      return !!note
    },
    showSearch: search.show,
    stepSearch: search.step,
    closeSearch: search.close,
    clearPending: () => setPending(null),
    clearSelection: () => setSelectedId(null),
    closeSession: () => void back(),
    ...articles.commands,
    saveCopy: () => void copy.saveCopy(),
    ...coderCopies.commands,
    bringBack: () => void bringBack.run(),
  }
  const run = useActions({
    readOnly: !!readOnly,
    pending: !!pending,
    selectedId: selected?.id ?? null,
    codebook: session.codebook,
    commands,
  })
  const shortcutsButton = useMemo(() => <ShortcutsButton onClick={() => run('shortcuts')} />, [run])

  return (
    <div className="session">
      <SessionHeader
        title={session.document.title}
        filePath={opened.filePath}
        status={snap.status}
        canUndo={!readOnly && snap.canUndo}
        canRedo={!readOnly && snap.canRedo}
        readOnly={!!readOnly}
        run={run}
        exporting={exporting}
        exportProgress={exportProgress}
        summaryOpen={summaryOpen}
        articleCount={snap.meta.articles.length}
        articlesOpen={articles.panelOpen}
        coderCopy={snap.meta.coderCopy}
        coderCount={sessionCoders(snap.meta).length}
      />
      {readOnly && (
        <div className="banner banner-warning" role="status">
          <span>{fromMain(opened.readOnlyReasonRef, readOnly)}</span>
        </div>
      )}
      {notice && (
        <div
          className={`banner banner-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>
            {'text' in notice ? notice.text : fromMain(opened.noticeRef, opened.notice ?? '')}
          </span>
          <button type="button" className="link" onClick={() => setNotice(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {articles.layers}
      {coderCopies.layers}
      <SessionSettings sessionId={session.id} onAuthor={setAuthor} />
      <BringBackLayers bringBack={bringBack} />
      {codebookKey !== 0 && (
        <CodebookPanel
          key={codebookKey}
          session={session}
          themeGroups={snap.meta.themeGroups}
          readOnly={!!readOnly}
          onEdit={(edit) => apply([edit])}
          drained={() => store.drained()}
          onClose={() => overlays.close('codebook', codebookKey)}
        />
      )}
      <AttributeOverlays
        sessionId={session.id}
        meta={snap.meta}
        articleId={snap.articleId}
        readOnly={!!readOnly}
        onEdit={apply}
        drained={() => store.drained()}
      />
      {pickerKey !== 0 && pickFor && (
        <ThemePicker
          key={pickerKey}
          codebook={session.codebook}
          groups={snap.meta.themeGroups}
          current={
            'passageId' in pickFor
              ? (session.passages.find((p) => p.id === pickFor.passageId)?.themeIds ?? [])
              : null
          }
          onPick={(themeId) => {
            if ('pending' in pickFor) tagSelection(pickFor.pending, themeId)
            else updatePassage(pickFor.passageId, (p, now) => toggleTheme(p, themeId, order, now))
          }}
          onClose={() => {
            overlays.close('picker', pickerKey)
            setPickFor(null)
          }}
        />
      )}
      {shortcutsKey !== 0 && (
        <ShortcutsDialog
          key={shortcutsKey}
          codebook={session.codebook}
          onClose={() => overlays.close('shortcuts', shortcutsKey)}
        />
      )}
      {chooserKey !== 0 && (
        <ExportChooser
          key={chooserKey}
          articles={snap.meta.articles.length}
          filtered={filteredCount(snap.meta, articleFilters.get(session.id))}
          coders={exportCoders && exportCoders.map(coderName).join(', ')}
          onDone={(choice) => {
            overlays.close('export', chooserKey)
            if (choice) void exportCsv(choice)
          }}
        />
      )}
      <div
        className={`session-body${summaryOpen ? ' summary-open' : ''}${passagesKey || corpusSearchKey ? ' retrieval-open' : ''}${agreementKey ? ' agreement-open' : ''}`}
      >
        {articles.column}
        <ArticleView
          key={snap.articleId}
          ref={article}
          text={text}
          lang={lang}
          passages={visible}
          codebook={session.codebook}
          selectedId={selectedId}
          flashId={flashId}
          coderSlots={layers.paintSlots}
          coderLabel={coderName}
          initialScrollTop={session.ui.scrollTop}
          initialTopParagraph={session.ui.topParagraph}
          onSelection={readOnly ? ignoreSelection : setPending}
          onPassageClick={setSelectedId}
          onScroll={onScroll}
          search={search.marks}
          top={
            <>
              <CodersBar {...layers} />
              {search.open && <SearchBar search={search} />}
            </>
          }
          corner={shortcutsButton}
        >
          {pending && (
            <ThemeToolbar
              codebook={session.codebook}
              top={pending.top}
              left={pending.left}
              onTag={tag}
              onMore={commands.pickTheme}
            />
          )}
        </ArticleView>
        <aside className="sidebar" aria-label={t('session.sidebar')}>
          {selected && (
            <PassageDetails
              key={selected.id}
              passage={selected}
              codebook={session.codebook}
              coder={
                layers.display && {
                  label: coderName(selected.author),
                  slot: layers.display.slotOf(selected.author),
                }
              }
              readOnly={!!readOnly}
              onToggleTheme={(themeId) =>
                updatePassage(selected.id, (p, now) => toggleTheme(p, themeId, order, now))
              }
              onPickThemes={commands.pickTheme}
              onNote={(note) =>
                updatePassage(selected.id, (p, now) => ({ ...p, note, updatedAt: now }))
              }
              onDelete={() => remove(selected.id)}
              onClose={() => setSelectedId(null)}
            />
          )}
          <PassageList
            passages={listed}
            shown={shown}
            filter={filter}
            onFilter={setFilter}
            codebook={session.codebook}
            selectedId={selectedId}
            onPick={pick}
            coders={layers.shownDisplay}
          />
        </aside>
        {summaryOpen && (
          <SummaryView
            session={session}
            meta={snap.meta}
            onClose={() => overlays.close('summary')}
            onJump={(id) => {
              overlays.close('summary')
              pick(id)
            }}
            drained={() => store.drained()}
            onNotice={setNotice}
          />
        )}
        {passagesKey !== 0 && (
          <PassagesView
            key={passagesKey}
            sessionId={session.id}
            meta={snap.meta}
            articlePassages={session.passages}
            drained={drained}
            coders={layers.display}
            onOpen={(row) => {
              overlays.close('passages')
              openResult({ articleId: row.articleId, passageId: row.id })
            }}
            onClose={() => overlays.close('passages')}
          />
        )}
        {corpusSearchKey !== 0 && (
          <CorpusSearchView
            key={corpusSearchKey}
            sessionId={session.id}
            meta={snap.meta}
            onOpen={(row, query, options) => {
              overlays.close('corpusSearch')
              openResult({ articleId: row.articleId, match: row, query, options })
            }}
            onClose={() => overlays.close('corpusSearch')}
          />
        )}
        {agreementKey !== 0 && (
          <AgreementView
            key={agreementKey}
            sessionId={session.id}
            meta={snap.meta}
            filter={articleFilters.get(session.id)}
            drained={drained}
            onOpen={(d) => {
              overlays.close('agreement')
              // A passage of a coder who gave the theme there: the article opens on it.
              if (d.passageId) openResult({ articleId: d.articleId, passageId: d.passageId })
              else void store.switchArticle(d.articleId)
            }}
            onNotice={setNotice}
            onClose={() => overlays.close('agreement')}
          />
        )}
      </div>
    </div>
  )
}
