// Exposes the GlossApi contract as window.gloss, and nothing else: the
// renderer never sees ipcRenderer itself. Every method and event of the
// contract is bridged by one loop over its names (src/shared/ipc/names.ts).
// Runs sandboxed, so it may only import 'electron' and pure shared modules
// bundled into it: never zod nor the schemas (main validates every argument).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
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

contextBridge.exposeInMainWorld('gloss', api)
