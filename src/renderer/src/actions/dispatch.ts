// From a key press or a menu command to the action it runs, if that action
// can run now. Pure: the caller owns the listeners and the context.
import type { MenuCommand } from '@shared/api'
import { matchesBinding, type KeyPress } from './key-binding'
import type { Action, ActionContext } from './types'

/** The action a key press runs now: bound to it and enabled (null when none). */
export function actionForKey(
  actions: readonly Action[],
  e: KeyPress,
  ctx: ActionContext,
): Action | null {
  return actions.find((a) => a.keys.some((b) => matchesBinding(b, e)) && a.enabled(ctx)) ?? null
}

/** The action an application menu command runs. */
export function actionForMenu(actions: readonly Action[], command: MenuCommand): Action | null {
  return actions.find((a) => a.menu === command) ?? null
}

/** Runs the action if it is enabled; true when it acted. */
export function runAction(action: Action, ctx: ActionContext): boolean {
  if (!action.enabled(ctx)) return false
  return action.perform(ctx) !== false
}
