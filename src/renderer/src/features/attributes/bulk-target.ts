// Which articles "Set attribute…" is for: the articles panel (the selected
// or filtered articles) and the details panel (all articles) open the
// dialog with their list; the dialog reads it when it mounts. Opening goes
// through the overlay store, like every dialog.
import { overlays } from '@renderer/state/overlay-store'

let target: readonly string[] = []

/** Opens "Set attribute…" for these articles (ids of the open session). */
export function openBulkAttributeEdit(articleIds: readonly string[]): void {
  target = [...articleIds]
  overlays.close('bulkAttributes')
  overlays.open('bulkAttributes')
}

/** The articles the open "Set attribute…" dialog is for. */
export function bulkTarget(): readonly string[] {
  return target
}
