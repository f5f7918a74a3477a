// Binds the handlers to ipcMain. Each call is accepted only from our own
// window's main frame, loaded from app://; arguments are validated by the
// handlers themselves with the contract's zod schemas.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { fail } from '../shared/api'
import { channelOf, INVOKE_METHODS } from '../shared/ipc-channels'
import type { Handlers } from './handlers'
import { isAppUrl } from './app-url'

export function bindIpc(handlers: Handlers, isOurWindow: (wc: WebContents) => boolean): void {
  for (const method of INVOKE_METHODS) {
    ipcMain.handle(channelOf(method), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedSender(event, isOurWindow))
        return fail('invalid-argument', 'Refused: the call did not come from the Gloss window.')
      return handlers[method](...args)
    })
  }
}

function isTrustedSender(event: IpcMainInvokeEvent, isOurWindow: (wc: WebContents) => boolean) {
  const frame = event.senderFrame
  if (!frame || frame !== event.sender.mainFrame) return false
  if (!isOurWindow(event.sender)) return false
  return isAppUrl(frame.url)
}
