// The conditions actions share: what must be true of the session and of the
// open overlays for a command to act. Pure functions of the action context.
import { dialogInTheWay, openView, type Overlay } from '@renderer/state/overlay-store'
import type { ActionContext } from './types'

/** No modal dialog (codebook, shortcuts, export chooser, settings) other than `except` is open. */
export const noDialog = (ctx: ActionContext, except: readonly Overlay[] = []) =>
  !dialogInTheWay(ctx.overlays, except)

/** The article and the passage list are in reach: no dialog, and no view (the summary, the Passages view, the corpus search) in front of them. */
export const articleInReach = (ctx: ActionContext) =>
  noDialog(ctx) && openView(ctx.overlays) === null

/** Edits are allowed: the session is not read-only. */
export const editable = (ctx: ActionContext) => !ctx.readOnly
