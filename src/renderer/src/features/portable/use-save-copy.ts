// "Save a copy as one file…" from the session view: waits for pending
// edits to be saved, asks main to write the copy (main shows the save
// dialog), and tells the analyst where it went, or why it did not. Asked
// again while a copy is being saved, it runs once that one is done: a
// command from the menu is never dropped.
import { useCallback, useRef, useState } from 'react'
import { useI18n } from '@renderer/i18n/i18n'

export interface SaveCopyNotice {
  kind: 'info' | 'error'
  text: string
}

export function useSaveCopy(
  sessionId: string,
  /** Resolves once every edit made so far is on disk. */
  drained: () => Promise<unknown>,
  onNotice: (notice: SaveCopyNotice) => void,
): { saving: boolean; saveCopy: () => Promise<void> } {
  const { t, errorText } = useI18n()
  const [saving, setSaving] = useState(false)
  /** The copies asked for, one after the other. */
  const queue = useRef<Promise<void>>(Promise.resolve())
  const saveCopy = useCallback(() => {
    const one = async () => {
      setSaving(true)
      try {
        await drained()
        const r = await window.gloss.saveSessionCopy(sessionId)
        if (!r.ok)
          onNotice({ kind: 'error', text: t('portable.failed', { message: errorText(r.error) }) })
        else if (r.value)
          onNotice({ kind: 'info', text: t('portable.saved', { path: r.value.filePath }) })
      } finally {
        setSaving(false)
      }
    }
    const next = queue.current.then(one, one)
    queue.current = next.catch(() => {})
    return next
  }, [drained, sessionId, onNotice, t, errorText])
  return { saving, saveCopy }
}
