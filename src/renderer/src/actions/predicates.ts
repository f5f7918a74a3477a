// The conditions actions share: what must be true of the session and of the
// open overlays for a command to act. Pure functions of the action context.
import { dialogInTheWay, isOpen, type Overlay } from '@renderer/state/overlay-store'
import type { ActionContext } from './types'

/** No modal dialog (codebook, shortcuts, export chooser, settings) other than `except` is open. */
export const noDialog = (ctx: ActionContext, except: readonly Overlay[] = []) =>
  !dialogInTheWay(ctx.overlays, except)

/** The article and the passage list are in reach: no dialog, and the summary is not in front of them. */
export const articleInReach = (ctx: ActionContext) =>
  noDialog(ctx) && !isOpen(ctx.overlays, 'summary')

/** Edits are allowed: the session is not read-only. */
export const editable = (ctx: ActionContext) => !ctx.readOnly
