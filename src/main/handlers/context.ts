// What every group of handlers is built from: the open sessions, the
// dialogs and their words, the clock, the settings, the export writer,
// the parser of imported files.
// Each concern (sessions.ts, exports.ts, codebook.ts, …) implements its
// part of the contract table from this context; handlers.ts composes them.
import type {
  AddArticlesProgress,
  AgreementProgress,
  CoderCopiesProgress,
  ExportProgress,
} from '@shared/api'
import type { HandlerMethods } from '@shared/ipc/methods'
import type { Settings } from '@shared/settings'
import type { DialogWords } from '../dialog-words'
import type { Dialogs } from '../dialogs'
import type { SaveExport } from '../export/save-export'
import type { ArticleParser } from '../import/article-parser'
import type { SessionRegistry } from '../sessions/registry'
import type { SettingsStore } from '../store/settings'

export interface HandlerContext {
  sessions: SessionRegistry
  dialogs: Dialogs
  words: () => Promise<DialogWords>
  /** The current time, as an ISO string. */
  now: () => string
  settings: SettingsStore
  saveExport: SaveExport
  /** The bundled sample article. */
  samplePath: string
  /** Parses imported files (the import workers when Gloss runs). */
  parser: ArticleParser
  onSettingsChange?: (settings: Settings) => void
  onExportProgress?: (progress: ExportProgress) => void
  onAddArticlesProgress?: (progress: AddArticlesProgress) => void
  onCoderCopiesProgress?: (progress: CoderCopiesProgress) => void
  onAgreementProgress?: (progress: AgreementProgress) => void
}

/** Some methods of the table, implemented from the context. */
export type HandlerGroup<M extends keyof HandlerMethods> = (
  ctx: HandlerContext,
) => Pick<HandlerMethods, M>
