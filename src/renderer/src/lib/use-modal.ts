// A <dialog> shown modal as soon as it mounts, whose closing its owner hears
// about at once.
//
// The dialog's own "close" event comes a task after dialog.close(): until
// then the owner still thinks the dialog is open, so a menu command or a key
// press arriving in between ("open it again") is lost, and the late event then
// closes what it meant to reopen. Here every way out (a button, Esc, the
// browser closing it) reports once and right away; dialog.close() still gives
// the focus back to where it was. Whether a dialog is shown, and the fresh key
// each opening mounts it with, is the overlay store's (state/overlay-store.ts).
import { useCallback, useEffect, useRef } from 'react'
import { useLatest } from './use-latest'

export function useModal(onClosed: (returnValue: string) => void) {
  const ref = useRef<HTMLDialogElement>(null)
  const closed = useRef(false)
  const latest = useLatest(onClosed)
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])
  const close = useCallback(
    (returnValue = '') => {
      if (closed.current) return
      closed.current = true
      ref.current?.close(returnValue)
      latest.current(returnValue)
    },
    [latest],
  )
  /** Props for the <dialog>: Esc (cancel) and any other close report at once. */
  const dialogProps = {
    ref,
    onCancel: () => close(''),
    onClose: () => close(ref.current?.returnValue ?? ''),
  }
  return { ref, close, dialogProps }
}
