// The open session: header, the article with its highlights and theme
// toolbar, and the sidebar with passage details and the passage list.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { OpenedSession } from '../../../../shared/api'
import { makePassage, toggleTheme, type Edit } from '../../../../shared/model/edits'
import type { Passage } from '../../../../shared/model/schema'
import { ArticleView, type PendingSelection } from '../article/ArticleView'
import { ThemeToolbar } from '../article/ThemeToolbar'
import { scrollToOffset } from '../article/scroll-to'
import { PassageDetails } from '../sidebar/PassageDetails'
import { PassageList } from '../sidebar/PassageList'
import { useSessionStore } from '../../state/use-session-store'
import { SessionHeader } from './SessionHeader'
import { useShortcuts } from './use-shortcuts'
import { guessLanguage } from './guess-language'
import { plural } from '../../format'
import { SummaryView } from '../summary/SummaryView'
import { ExportChooser, type CsvLayout } from '../summary/ExportChooser'

const SCROLL_SAVE_MS = 400
const FLASH_MS = 1200

interface Props {
  opened: OpenedSession
  onClose(): void
}

type Notice = { kind: 'info' | 'error'; text: string }

const ignoreSelection = () => {}

export function SessionView({ opened, onClose }: Props) {
  const [store, snap] = useSessionStore(opened.session)
  const { session } = snap
  const { text } = session.document
  const [pending, setPending] = useState<PendingSelection | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [flashId, setFlashId] = useState<string | null>(null)
  const readOnly = opened.readOnlyReason
  const [notice, setNotice] = useState<Notice | null>(
    opened.notice ? { kind: 'info', text: opened.notice } : null,
  )
  const [exporting, setExporting] = useState(false)
  const [summaryOpen, setSummaryOpen] = useState(false)
  const [chooserOpen, setChooserOpen] = useState(false)
  const scrollTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const order = useMemo(() => session.codebook.map((t) => t.id), [session.codebook])
  const lang = useMemo(() => guessLanguage(text), [text])
  const selected = session.passages.find((p) => p.id === selectedId) ?? null

  const apply = useCallback(
    (edits: Edit[]) => {
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

  const tag = useCallback(
    (themeId: string) => {
      if (!pending) return
      const now = new Date().toISOString()
      const same = store
        .getSnapshot()
        .session.passages.find((p) => p.start === pending.start && p.end === pending.end)
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
            author: opened.author,
            now,
          })
      if (passage !== same && !apply([{ type: 'putPassage', passage }])) return
      window.getSelection()?.removeAllRanges()
      setPending(null)
      setSelectedId(passage.id)
    },
    [pending, store, order, text, opened.author, apply],
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
        setNotice({ kind: 'info', text: 'Passage deleted. Undo with Ctrl+Z.' })
      }
    },
    [apply],
  )

  const exportCsv = useCallback(
    async (layout: CsvLayout = 'passages') => {
      setExporting(true)
      try {
        await store.drained()
        const tidy = layout === 'tidy'
        const r = await (tidy ? window.gloss.exportTidyCsv : window.gloss.exportCsv)(session.id)
        if (!r.ok) setNotice({ kind: 'error', text: `Export failed: ${r.error.message}` })
        else if (r.value)
          setNotice({
            kind: 'info',
            text: tidy
              ? `Exported ${plural(r.value.rows, 'row', 'rows')} (one per passage and theme) to ${r.value.filePath}`
              : `Exported ${plural(r.value.rows, 'passage', 'passages')} to ${r.value.filePath}`,
          })
      } finally {
        setExporting(false)
      }
    },
    [store, session.id],
  )

  const back = useCallback(async () => {
    clearTimeout(scrollTimer.current)
    await store.drained()
    onClose()
  }, [store, onClose])

  const pick = useCallback(
    (id: string) => {
      setSelectedId(id)
      const p = store.getSnapshot().session.passages.find((x) => x.id === id)
      const scroller = document.querySelector<HTMLElement>('.article-scroller')
      const article = document.querySelector<HTMLElement>('.article')
      if (p && scroller && article) scrollToOffset(scroller, article, p.start)
      setFlashId(id)
    },
    [store],
  )

  useEffect(() => {
    if (!flashId) return
    const t = setTimeout(() => setFlashId(null), FLASH_MS)
    return () => clearTimeout(t)
  }, [flashId])

  useEffect(() => () => clearTimeout(scrollTimer.current), [])

  const onScroll = useCallback(
    (scrollTop: number) => {
      if (readOnly) return
      clearTimeout(scrollTimer.current)
      scrollTimer.current = setTimeout(
        () =>
          store.editQuietly([
            { type: 'setUi', ui: { scrollTop: Math.max(0, Math.round(scrollTop)) } },
          ]),
        SCROLL_SAVE_MS,
      )
    },
    [store, readOnly],
  )

  const shortcuts = useMemo(
    () => ({
      undo: () => !readOnly && store.undo(),
      redo: () => !readOnly && store.redo(),
      exportCsv: () => setChooserOpen(true),
      escape: () => {
        // An open dialog closes itself on Escape; the summary goes back to the article.
        if (chooserOpen) return
        if (summaryOpen) setSummaryOpen(false)
        else if (pending) setPending(null)
        else setSelectedId(null)
      },
      themeKey: (key: string) => {
        const theme = session.codebook.find((t) => t.key === key)
        if (!theme || summaryOpen || chooserOpen) return false
        if (pending) tag(theme.id)
        else if (selectedId)
          updatePassage(selectedId, (p, now) => toggleTheme(p, theme.id, order, now))
        else return false
        return true
      },
      deleteSelected: () => {
        if (!selectedId || pending || summaryOpen || chooserOpen) return false
        remove(selectedId)
        return true
      },
    }),
    [
      store,
      readOnly,
      chooserOpen,
      summaryOpen,
      pending,
      session.codebook,
      tag,
      selectedId,
      updatePassage,
      order,
      remove,
    ],
  )
  useShortcuts(shortcuts)

  useEffect(
    () =>
      window.gloss.onMenuCommand((command) => {
        if (command === 'export-csv') setChooserOpen(true)
        else if (command === 'undo' && !readOnly) store.undo()
        else if (command === 'redo' && !readOnly) store.redo()
        else if (command === 'close-session') void back()
      }),
    [store, back, readOnly],
  )

  return (
    <div className="session">
      <SessionHeader
        title={session.document.title}
        filePath={opened.filePath}
        status={snap.status}
        canUndo={!readOnly && snap.canUndo}
        canRedo={!readOnly && snap.canRedo}
        readOnly={!!readOnly}
        onBack={() => void back()}
        onUndo={() => store.undo()}
        onRedo={() => store.redo()}
        onExport={() => setChooserOpen(true)}
        exporting={exporting}
        summaryOpen={summaryOpen}
        onToggleSummary={() => setSummaryOpen((open) => !open)}
      />
      {readOnly && (
        <div className="banner banner-warning" role="status">
          <span>{readOnly}</span>
        </div>
      )}
      {notice && (
        <div
          className={`banner banner-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.text}</span>
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {chooserOpen && (
        <ExportChooser
          onDone={(layout) => {
            setChooserOpen(false)
            if (layout) void exportCsv(layout)
          }}
        />
      )}
      <div className={summaryOpen ? 'session-body summary-open' : 'session-body'}>
        <ArticleView
          text={text}
          lang={lang}
          passages={session.passages}
          codebook={session.codebook}
          selectedId={selectedId}
          flashId={flashId}
          initialScrollTop={session.ui.scrollTop}
          onSelection={readOnly ? ignoreSelection : setPending}
          onPassageClick={setSelectedId}
          onScroll={onScroll}
        >
          {pending && (
            <ThemeToolbar
              codebook={session.codebook}
              top={pending.top}
              left={pending.left}
              onTag={tag}
            />
          )}
        </ArticleView>
        <aside className="sidebar" aria-label="Passages and details">
          {selected && (
            <PassageDetails
              key={selected.id}
              passage={selected}
              codebook={session.codebook}
              readOnly={!!readOnly}
              onToggleTheme={(themeId) =>
                updatePassage(selected.id, (p, now) => toggleTheme(p, themeId, order, now))
              }
              onNote={(note) =>
                updatePassage(selected.id, (p, now) => ({ ...p, note, updatedAt: now }))
              }
              onDelete={() => remove(selected.id)}
              onClose={() => setSelectedId(null)}
            />
          )}
          <PassageList
            passages={session.passages}
            codebook={session.codebook}
            selectedId={selectedId}
            onPick={pick}
          />
        </aside>
        {summaryOpen && (
          <SummaryView
            session={session}
            onClose={() => setSummaryOpen(false)}
            onJump={(id) => {
              setSummaryOpen(false)
              pick(id)
            }}
            drained={() => store.drained()}
            onNotice={setNotice}
          />
        )}
      </div>
    </div>
  )
}
