// Exposes the GlossApi contract as window.gloss, and nothing else: the
// renderer never sees ipcRenderer itself. Every method and event of the
// contract is bridged by one loop over its names (src/shared/ipc/names.ts).
// Runs sandboxed, so it may only import 'electron' and pure shared modules
// bundled into it: never zod nor the schemas (main validates every argument).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { LocalApi } from '@shared/api'
import { channelOf, EVENT_CHANNELS, INVOKE_METHODS } from '@shared/ipc/names'

const api: Record<string, unknown> = {}

for (const method of INVOKE_METHODS)
  api[method] = (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args)

// Main → renderer events of one channel; each subscription returns its unsubscribe function.
for (const [name, channel] of Object.entries(EVENT_CHANNELS))
  api[name] = (listener: (value: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, value: unknown) => listener(value)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  }

// Files dropped on the window: their paths, which only the preload can see
// (main then checks each one as it checks a path from a dialog).
const local: LocalApi = {
  pathsOfDroppedFiles: (files) =>
    Array.from(files, (file) => {
      try {
        return webUtils.getPathForFile(file)
      } catch {
        return ''
      }
    }),
}
Object.assign(api, local)

contextBridge.exposeInMainWorld('gloss', api)
