// IPC channel names, kept free of dependencies: the sandboxed preload bundles
// this module and may require nothing but 'electron'.

export const INVOKE_METHODS = [
  'openSample',
  'openArticle',
  'openSession',
  'openRecent',
  'openBackup',
  'listRecent',
  'getSettings',
  'updateSettings',
  'applyEdits',
  'exportCsv',
  'exportTidyCsv',
  'exportSummaryCsv',
  'saveSummaryPng',
  'exportCodebookCsv',
  'importCodebookCsv',
  'closeSession',
] as const

export type InvokeMethod = (typeof INVOKE_METHODS)[number]

export const channelOf = (method: InvokeMethod): string => `gloss:${method}`

/** Main → renderer: app-menu commands. */
export const MENU_CHANNEL = 'gloss:menu'

/** Main → renderer: progress of a CSV export. */
export const EXPORT_PROGRESS_CHANNEL = 'gloss:export-progress'
