// A <dialog> shown modal as soon as it mounts, whose closing its owner hears
// about at once.
//
// The dialog's own "close" event comes a task after dialog.close(): until
// then the owner still thinks the dialog is open, so a menu command or a key
// press arriving in between ("open it again") is lost, and the late event then
// closes what it meant to reopen. Here every way out (a button, Esc, the
// browser closing it) reports once and right away; dialog.close() still gives
// the focus back to where it was.
import { useCallback, useEffect, useRef, useState } from 'react'
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

/**
 * Whether the owner shows a modal dialog, and the key to mount it with. A
 * close and a reopen in the same batch (Cancel, then Ctrl+E before React
 * renders) give a new key, so a fresh dialog opens instead of the closed one
 * staying mounted.
 */
export function useModalState() {
  const [key, setKey] = useState(0)
  const opened = useRef(0)
  const show = useCallback(() => setKey((k) => k || ++opened.current), [])
  const hide = useCallback(() => setKey(0), [])
  return { open: key !== 0, key, show, hide }
}
