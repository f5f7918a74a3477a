// Saving a chart of the summary as PNG or its numbers as CSV: main asks
// where and writes; the outcome comes back as a notice. One save at a time.
import { useState } from 'react'
import type { ExportReceipt, FileReceipt, Result } from '@shared/api'
import type { SummaryChartName } from '@shared/ipc/methods'
import { useI18n } from '@renderer/i18n/i18n'
import { svgToPngBase64 } from './svg-to-png'

export interface Notice {
  kind: 'info' | 'error'
  text: string
}

export function useSave(sessionId: string, onNotice: (notice: Notice) => void) {
  const i18n = useI18n()
  const { t, errorText } = i18n
  const [busy, setBusy] = useState(false)

  const run = async (task: () => Promise<Notice | null>) => {
    setBusy(true)
    try {
      const notice = await task()
      if (notice) onNotice(notice)
    } finally {
      setBusy(false)
    }
  }

  const savePng = (svg: SVGSVGElement | null, chart: SummaryChartName) =>
    run(async () => {
      if (!svg) return null
      const png = await svgToPngBase64(svg, i18n)
      if (!png.ok)
        return { kind: 'error', text: t('summary.pngFailed', { message: png.error.message }) }
      const r = await window.gloss.saveSummaryPng(sessionId, png.value, chart)
      if (!r.ok)
        return { kind: 'error', text: t('summary.pngFailed', { message: errorText(r.error) }) }
      return r.value && { kind: 'info', text: t('summary.pngSaved', { path: r.value.filePath }) }
    })

  const saveCsv = (save: () => Promise<Result<ExportReceipt | FileReceipt | null>>) =>
    run(async () => {
      const r = await save()
      if (!r.ok)
        return { kind: 'error', text: t('summary.csvFailed', { message: errorText(r.error) }) }
      return r.value && { kind: 'info', text: t('summary.csvSaved', { path: r.value.filePath }) }
    })

  return { busy, savePng, saveCsv }
}
