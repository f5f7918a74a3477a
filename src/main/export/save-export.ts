// How every export reaches the disk, in one place: the native save dialog
// (proposing `<title><suffix>.<ext>`), progress reports for the renderer, and
// the same durable write as session files (store/durable-file.ts: fsynced
// temp file, rename, folder fsync).
// It must never: write to a path that did not come from the save dialog,
// write any other way than writeFileDurably, or leave a half-written file
// where the analyst asked for the export.
import type { ExportProgress } from '@shared/api'
import { mainMessage } from '@shared/main-messages'
import type { Session } from '@shared/model/schema'
import type { DialogWords } from '../dialog-words'
import type { Dialogs } from '../dialogs'
import { writeFailureReason } from '../errors'
import type { MainTextKey } from '../i18n'
import { slug } from '../sessions/file-names'
import { writeFileDurably, type FileContent } from '../store/durable-file'
import { StoreError } from '../store/session-file'

/** Tells how far the export is: rows done; `force` reports even within 100 ms of the last. */
export type ReportProgress = (done: number, force?: boolean) => void

export interface ExportKind {
  /** The save dialog's title. */
  title: MainTextKey
  /** Added to the session's title in the proposed file name. */
  suffix: string
  /** Added after the suffix (e.g. the attribute of a theme by attribute table). */
  detail?: string
  ext: 'csv' | 'png'
  /**
   * Reports progress over the session's passages: 0 once the dialog has
   * closed, all of them once the file is written. No reports otherwise.
   */
  progress?: boolean
}

/** The exports Gloss writes, as the save dialog presents them. */
export const EXPORT_KINDS = {
  passagesCsv: { title: 'dialog.exportCsv', suffix: '', ext: 'csv', progress: true },
  tidyCsv: { title: 'dialog.exportTidyCsv', suffix: '-tidy', ext: 'csv', progress: true },
  matrixCsv: { title: 'dialog.exportMatrixCsv', suffix: '-matrix', ext: 'csv', progress: true },
  summaryCsv: { title: 'dialog.saveSummaryCsv', suffix: '-summary', ext: 'csv' },
  summaryPng: { title: 'dialog.saveSummaryPng', suffix: '-summary', ext: 'png' },
  themesCsv: { title: 'dialog.saveSummaryCsv', suffix: '-themes', ext: 'csv' },
  themesPng: { title: 'dialog.saveSummaryPng', suffix: '-themes', ext: 'png' },
  byAttributeCsv: { title: 'dialog.saveSummaryCsv', suffix: '-themes-by', ext: 'csv' },
  byAttributePng: { title: 'dialog.saveSummaryPng', suffix: '-themes-by', ext: 'png' },
  overTimeCsv: { title: 'dialog.saveSummaryCsv', suffix: '-themes-over-time', ext: 'csv' },
  overTimePng: { title: 'dialog.saveSummaryPng', suffix: '-themes-over-time', ext: 'png' },
  codebookCsv: { title: 'dialog.exportCodebook', suffix: '-codebook', ext: 'csv' },
  // Inter-coder agreement (handlers/agreement.ts); the units CSV's progress counts its rows.
  agreementCsv: { title: 'dialog.exportAgreementCsv', suffix: '-agreement', ext: 'csv' },
  agreementUnitsCsv: {
    title: 'dialog.exportAgreementUnitsCsv',
    suffix: '-agreement-units',
    ext: 'csv',
    progress: true,
  },
  agreementPng: { title: 'dialog.saveAgreementPng', suffix: '-agreement', ext: 'png' },
} as const satisfies Record<string, ExportKind>

export interface ExporterDeps {
  dialogs: Dialogs
  words: () => Promise<DialogWords>
  /** Told how an export advances (sent on to the renderer). */
  onExportProgress?: (progress: ExportProgress) => void
}

/** What an export is of: named after it, progress counted over its passages. */
export interface ExportSubject {
  title: string
  passages: number
}

const subjectOf = (s: Session | ExportSubject): ExportSubject =>
  'document' in s ? { title: s.document.title, passages: s.passages.length } : s

/**
 * Asks where to save an export of the session (or of the subject), then writes what `produce`
 * returns there. Resolves with the path and whatever else `produce` returned
 * (e.g. rows), or null when the analyst cancels. A failed write rejects with
 * a write-failed StoreError naming the path.
 */
export type SaveExport = <T extends { content: FileContent }>(
  session: Session | ExportSubject,
  kind: ExportKind,
  produce: (report: ReportProgress) => T,
) => Promise<(Omit<T, 'content'> & { filePath: string }) | null>

export function createSaveExport(deps: ExporterDeps): SaveExport {
  return async (of, kind, produce) => {
    const subject = subjectOf(of)
    const text = await deps.words()
    const detail = kind.detail ? `-${slug(kind.detail)}` : ''
    const filePath = await deps.dialogs.saveFile({
      title: text(kind.title),
      defaultFileName: `${slug(subject.title)}${kind.suffix}${detail}.${kind.ext}`,
      filters: [
        { name: text(kind.ext === 'csv' ? 'filter.csv' : 'filter.png'), extensions: [kind.ext] },
      ],
    })
    if (!filePath) return null
    const total = kind.progress ? subject.passages : undefined
    const report: ReportProgress =
      total === undefined ? () => {} : progressReporter(deps.onExportProgress, total)
    report(0, true)
    const { content, ...rest } = produce(report)
    try {
      // A CSV written chunk by chunk keeps main responsive during a large
      // export, and tells the renderer how far it is.
      await writeFileDurably(filePath, content)
    } catch (e) {
      throw new StoreError(
        'write-failed',
        mainMessage('main.write.cannotWrite', { path: filePath, reason: writeFailureReason(e) }),
      )
    }
    if (total !== undefined) report(total, true)
    return { ...rest, filePath }
  }
}

/** Export progress for the renderer: at most every 100 ms, unless forced (start, end). */
function progressReporter(
  send: ((progress: ExportProgress) => void) | undefined,
  total: number,
): ReportProgress {
  let last = -Infinity
  return (done, force = false) => {
    const now = performance.now()
    if (!send || (!force && now - last < 100)) return
    last = now
    send({ done, total })
  }
}
