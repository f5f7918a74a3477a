// Binds the handlers to ipcMain, one channel per method of the contract
// table. Each call is accepted only from our own window's main frame, loaded
// from app://; its arguments are then checked against the table's zod
// schemas (checked-calls.ts) before the typed handler runs.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { fail } from '@shared/api'
import { channelOf, INVOKE_METHODS } from '@shared/ipc/names'
import type { HandlerMethods } from '@shared/ipc/methods'
import { isAppUrl } from './app-url'
import { callChecked } from './checked-calls'

export function bindIpc(handlers: HandlerMethods, isOurWindow: (wc: WebContents) => boolean): void {
  for (const method of INVOKE_METHODS) {
    ipcMain.handle(channelOf(method), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedSender(event, isOurWindow))
        return fail('invalid-argument', 'Refused: the call did not come from the Gloss window.')
      return callChecked(handlers, method, args)
    })
  }
}

function isTrustedSender(event: IpcMainInvokeEvent, isOurWindow: (wc: WebContents) => boolean) {
  const frame = event.senderFrame
  if (!frame || frame !== event.sender.mainFrame) return false
  if (!isOurWindow(event.sender)) return false
  return isAppUrl(frame.url)
}
