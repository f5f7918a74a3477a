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
  onMenuCommand(listener) {
    const wrapped = (_e: IpcRendererEvent, command: MenuCommand) => listener(command)
    ipcRenderer.on(MENU_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(MENU_CHANNEL, wrapped)
  },
  onExportProgress(listener) {
    const wrapped = (_e: IpcRendererEvent, progress: ExportProgress) => listener(progress)
    ipcRenderer.on(EXPORT_PROGRESS_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(EXPORT_PROGRESS_CHANNEL, wrapped)
  },
}

contextBridge.exposeInMainWorld('gloss', api)
