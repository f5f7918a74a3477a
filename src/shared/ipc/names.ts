// The IPC contract's names: the invokable methods, their channels and the
// main → renderer event channels. The sandboxed preload bundles this module,
// so it must never import anything at run time (no zod, no other module):
// the argument schemas and result types are in methods.ts, which checks
// that its table has exactly these methods.
import type { IpcEvents } from './types'

/** Every method the renderer can invoke, in the order of the table in methods.ts. */
export const INVOKE_METHODS = [
  'openSample',
  'openArticle',
  'openSession',
  'openRecent',
  'openBackup',
  'listRecent',
  'getSettings',
  'updateSettings',
  'switchArticle',
  'applyEdits',
  'planCodebookChange',
  'themeUsage',
  'exportCsv',
  'exportTidyCsv',
  'exportMatrixCsv',
  'corpusSummary',
  'exportCorpusSummaryCsv',
  'exportSummaryCsv',
  'saveSummaryPng',
  'exportCodebookCsv',
  'importCodebookCsv',
  // Adding articles (handlers/articles.ts).
  'addArticles',
  'addArticleFiles',
  'addArticleTable',
  'pasteArticle',
  'cancelAddArticles',
  // Article attributes
  'importAttributesCsv',
  'queryPassages',
  'passageRows',
  'searchCorpus',
  'continueCorpusSearch',
  'corpusSearchRows',
  'closeSession',
  // Portable copy (issue 12).
  'saveSessionCopy',
  'saveOriginal',
  // Coders: who codes, and coder copies (handlers/coders.ts).
  'coderIdentity',
  'makeCoderCopies',
  'cancelCoderCopies',
  // Bringing coders' work back (handlers/bring-back.ts).
  'chooseCoderCopies',
  'bringBackCoders',
  // The session's coders (handlers/coder-counts.ts).
  'coders',
  // Inter-coder agreement (features/agreement, handlers/agreement.ts).
  'agreement',
  'cancelAgreement',
  'exportAgreementCsv',
  'exportAgreementUnitsCsv',
  'saveAgreementPng',
] as const

export type InvokeMethod = (typeof INVOKE_METHODS)[number]

export const channelOf = (method: InvokeMethod): string => `gloss:${method}`

/** Main → renderer events: the subscription method's name → its channel. */
export const EVENT_CHANNELS = {
  onMenuCommand: 'gloss:menu',
  onExportProgress: 'gloss:export-progress',
  onAddArticlesProgress: 'gloss:add-articles-progress',
  onSessionProblems: 'gloss:session-problems',
  onCoderCopiesProgress: 'gloss:coder-copies-progress',
  onAgreementProgress: 'gloss:agreement-progress',
} as const satisfies Record<keyof IpcEvents, string>

export type EventName = keyof typeof EVENT_CHANNELS

/** Main → renderer: app-menu commands. */
export const MENU_CHANNEL = EVENT_CHANNELS.onMenuCommand

/** Main → renderer: progress of a CSV export. */
export const EXPORT_PROGRESS_CHANNEL = EVENT_CHANNELS.onExportProgress

/** Main → renderer: progress of adding articles. */
export const ADD_ARTICLES_PROGRESS_CHANNEL = EVENT_CHANNELS.onAddArticlesProgress

/** Main → renderer: progress of making coder copies. */
export const CODER_COPIES_PROGRESS_CHANNEL = EVENT_CHANNELS.onCoderCopiesProgress
