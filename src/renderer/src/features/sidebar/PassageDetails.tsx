// Details of the selected passage: its quote, theme toggles, a multi-line
// note (saved as the analyst types, one undo step per pause) and delete.
// A long codebook shows toggles only for the passage's themes and the
// themes with a key; "Add or remove themes…" (or T) opens the theme picker
// for every theme. In a session of several coders, the passage's coder.
import { useEffect, useRef, useState } from 'react'
import { CoderName } from '@renderer/features/coder-layers'
import type { Passage, Theme } from '@shared/model/schema'
import { excerpt } from '@renderer/lib/format'
import { useI18n } from '@renderer/i18n/i18n'
import { useLatest } from '@renderer/lib/use-latest'
import { ThemeToggle } from './ThemeToggle'

const NOTE_COMMIT_MS = 400
/** Up to this many themes, every theme has its toggle. */
const ALL_TOGGLES = 12

interface Props {
  passage: Passage
  codebook: readonly Theme[]
  readOnly: boolean
  onToggleTheme: (themeId: string) => void
  /** Opens the theme picker for this passage. */
  onPickThemes: () => void
  onNote: (note: string) => void
  onDelete: () => void
  onClose: () => void
  /** The passage's coder, named and marked (a session of several coders; absent otherwise). */
  coder?: { label: string; slot: number } | null
}

export function PassageDetails({
  passage,
  codebook,
  coder,
  readOnly,
  onToggleTheme,
  onPickThemes,
  onNote,
  onDelete,
  onClose,
}: Props) {
  const { t: tr } = useI18n()
  const [draft, setDraft] = useState(passage.note)
  const [shownNote, setShownNote] = useState(passage.note)
  const draftRef = useRef(passage.note)
  const committed = useRef(passage.note)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const onNoteRef = useLatest(onNote)

  // An undo or redo changes the note under us: show it, and take it as the
  // committed value so that closing the panel does not write the old text back.
  if (passage.note !== shownNote) {
    setShownNote(passage.note)
    setDraft(passage.note)
  }
  useEffect(() => {
    if (passage.note !== committed.current) {
      committed.current = passage.note
      draftRef.current = passage.note
    }
  }, [passage.note])

  const commit = (value: string) => {
    clearTimeout(timer.current)
    if (value === committed.current) return
    committed.current = value
    onNoteRef.current(value)
  }

  // Commit what was typed when the panel closes or shows another passage.
  useEffect(
    () => () => {
      clearTimeout(timer.current)
      if (draftRef.current !== committed.current) onNoteRef.current(draftRef.current)
    },
    [onNoteRef],
  )

  return (
    <section className="details" aria-label={tr('details.label')}>
      <div className="details-head">
        <h2>{tr('details.title')}</h2>
        <button
          type="button"
          className="link"
          onClick={onClose}
          aria-label={tr('details.closeLabel')}
        >
          {tr('common.close')}
        </button>
      </div>
      <blockquote className="details-quote">{excerpt(passage.quote, 280)}</blockquote>
      {coder && (
        <p className="details-coder">
          {tr('details.coder')}: <CoderName label={coder.label} slot={coder.slot} />
        </p>
      )}
      <div className="details-themes" role="group" aria-label={tr('details.themes')}>
        {(codebook.length <= ALL_TOGGLES
          ? codebook
          : codebook.filter((t) => t.key || passage.themeIds.includes(t.id))
        ).map((t) => (
          <ThemeToggle
            key={t.id}
            theme={t}
            on={passage.themeIds.includes(t.id)}
            disabled={readOnly}
            title={t.description}
            onClick={() => onToggleTheme(t.id)}
          />
        ))}
      </div>
      <button
        type="button"
        className="link details-pick"
        disabled={readOnly}
        aria-keyshortcuts="T"
        title={tr('details.pick.title')}
        onClick={onPickThemes}
      >
        {tr('details.pick')}
      </button>
      <label className="note-label">
        {tr('details.note')}
        <textarea
          value={draft}
          readOnly={readOnly}
          rows={5}
          placeholder={tr('details.notePlaceholder')}
          onChange={(e) => {
            const value = e.target.value
            draftRef.current = value
            setDraft(value)
            clearTimeout(timer.current)
            timer.current = setTimeout(() => commit(value), NOTE_COMMIT_MS)
          }}
          onBlur={(e) => commit(e.target.value)}
        />
      </label>
      <button type="button" className="danger" onClick={onDelete} disabled={readOnly}>
        {tr('details.delete')}
      </button>
    </section>
  )
}
