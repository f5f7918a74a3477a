// "Make coder copies…" from the session view: the dialog (coders, "Include
// my passages"), then main asks for a folder and writes one copy per coder,
// with progress and Cancel when it takes more than a moment, and a report
// of the files written. Refused in a coder copy (a copy of a copy would not
// come back to the session it was made from). Pending edits are saved
// first, so that the copies hold what the analyst sees.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { CoderCopiesProgress, CoderCopiesResult } from '@shared/api'
import type { CoderCopy } from '@shared/model/corpus'
import type { SessionCommands } from '@renderer/actions/types'
import { useI18n } from '@renderer/i18n/i18n'
import { openingKey, overlays } from '@renderer/state/overlay-store'
import { useOverlays } from '@renderer/state/use-overlays'
import { CoderCopiesDialog, type CoderCopiesChoice } from './CoderCopiesDialog'
import { CoderCopiesProgressBar } from './CoderCopiesProgress'
import { CoderCopiesReport } from './CoderCopiesReport'

export interface CoderNotice {
  kind: 'info' | 'error'
  text: string
}

interface Options {
  sessionId: string
  /** Set when the session is a coder copy. */
  coderCopy: CoderCopy | undefined
  /** Who new passages are attributed to (whose passages "Include my passages" takes). */
  author: string
  /** Resolves once every edit made so far is on disk. */
  drained: () => Promise<unknown>
  onNotice: (notice: CoderNotice) => void
}

export interface CoderCopiesWorkspace {
  commands: Pick<SessionCommands, 'makeCoderCopies'>
  /** The dialog, the progress and the report. */
  layers: ReactNode
}

/** A making under way: main's progress, and whether Cancel was asked. */
type Making = { progress: CoderCopiesProgress | null; cancelling: boolean }

export function useCoderCopies({
  sessionId,
  coderCopy,
  author,
  drained,
  onNotice,
}: Options): CoderCopiesWorkspace {
  const { t, errorText } = useI18n()
  const open = useOverlays()
  const dialogKey = openingKey(open, 'coderCopies')
  const reportKey = openingKey(open, 'coderCopiesReport')
  const [making, setMaking] = useState<Making | null>(null)
  const [report, setReport] = useState<CoderCopiesResult | null>(null)
  const running = useRef(false)

  // Main's progress of this session's copies.
  useEffect(
    () =>
      window.gloss.onCoderCopiesProgress((progress) => {
        if (progress.sessionId === sessionId) setMaking((m) => (m ? { ...m, progress } : m))
      }),
    [sessionId],
  )

  const make = useCallback(
    async ({ coders, includeMine }: CoderCopiesChoice) => {
      running.current = true
      setMaking({ progress: null, cancelling: false })
      try {
        await drained()
        const r = await window.gloss.makeCoderCopies(sessionId, coders, { includeMine })
        if (!r.ok)
          onNotice({ kind: 'error', text: t('coders.failed', { message: errorText(r.error) }) })
        else if (r.value) {
          setReport(r.value)
          overlays.open('coderCopiesReport')
        }
      } finally {
        running.current = false
        setMaking(null)
      }
    },
    [sessionId, drained, onNotice, t, errorText],
  )

  const cancel = useCallback(() => {
    setMaking((m) => (m ? { ...m, cancelling: true } : m))
    void window.gloss.cancelCoderCopies(sessionId)
  }, [sessionId])

  const commands = {
    makeCoderCopies: () => {
      if (coderCopy) {
        onNotice({ kind: 'error', text: t('main.coders.fromCopy', { name: coderCopy.coder }) })
        return
      }
      if (!running.current) overlays.open('coderCopies')
    },
  }

  const layers = (
    <>
      {making?.progress && (
        <CoderCopiesProgressBar
          progress={making.progress}
          cancelling={making.cancelling}
          onCancel={cancel}
        />
      )}
      {dialogKey !== 0 && (
        <CoderCopiesDialog
          key={dialogKey}
          author={author}
          onDone={(choice) => {
            overlays.close('coderCopies', dialogKey)
            if (choice) void make(choice)
          }}
        />
      )}
      {reportKey !== 0 && report && (
        <CoderCopiesReport
          key={reportKey}
          report={report}
          onClose={() => overlays.close('coderCopiesReport', reportKey)}
        />
      )}
    </>
  )
  return { commands, layers }
}
