// Exposes the GlossApi contract as window.gloss, and nothing else: the
// renderer never sees ipcRenderer itself. Runs sandboxed, so it may only
// import 'electron' and the pure shared modules bundled into it.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ExportProgress, GlossApi, MenuCommand } from '../shared/api'
import {
  channelOf,
  EXPORT_PROGRESS_CHANNEL,
  MENU_CHANNEL,
  type InvokeMethod,
} from '../shared/ipc-channels'

const invoke =
  (method: InvokeMethod) =>
  (...args: unknown[]) =>
    ipcRenderer.invoke(channelOf(method), ...args)

/** Main → renderer events of one channel; returns the unsubscribe function. */
function subscribe<T>(channel: string) {
  return (listener: (value: T) => void) => {
    const wrapped = (_e: IpcRendererEvent, value: T) => listener(value)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  }
}

const api: GlossApi = {
  openSample: invoke('openSample'),
  openArticle: invoke('openArticle'),
  openSession: invoke('openSession'),
  openRecent: invoke('openRecent'),
  openBackup: invoke('openBackup'),
  listRecent: invoke('listRecent'),
  getSettings: invoke('getSettings'),
  updateSettings: invoke('updateSettings'),
  applyEdits: invoke('applyEdits'),
  exportCsv: invoke('exportCsv'),
  exportTidyCsv: invoke('exportTidyCsv'),
  exportSummaryCsv: invoke('exportSummaryCsv'),
  saveSummaryPng: invoke('saveSummaryPng'),
  exportCodebookCsv: invoke('exportCodebookCsv'),
  importCodebookCsv: invoke('importCodebookCsv'),
  closeSession: invoke('closeSession'),
  onMenuCommand: subscribe<MenuCommand>(MENU_CHANNEL),
  onExportProgress: subscribe<ExportProgress>(EXPORT_PROGRESS_CHANNEL),
}

contextBridge.exposeInMainWorld('gloss', api)
