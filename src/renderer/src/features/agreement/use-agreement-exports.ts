// The Agreement view's saves: the agreement table CSV and the agreement
// units CSV of the request shown (main computes and writes them), and the
// report image (the SVG drawn here, its PNG bytes written by main). Each
// outcome comes back as a notice; one save at a time.
import { useState } from 'react'
import type { AgreementRequestArg as AgreementRequest } from '@shared/ipc/methods'
import type { ExportReceipt, FileReceipt, Result } from '@shared/api'
import { svgToPngBase64 } from '@renderer/features/summary'
import { useI18n } from '@renderer/i18n/i18n'

export interface Notice {
  kind: 'info' | 'error'
  text: string
}

export function useAgreementExports(sessionId: string, onNotice: (notice: Notice) => void) {
  const i18n = useI18n()
  const { t, errorText } = i18n
  const [busy, setBusy] = useState(false)

  const run = async (save: () => Promise<Result<ExportReceipt | FileReceipt | null>>) => {
    setBusy(true)
    try {
      const r = await save()
      if (!r.ok)
        onNotice({
          kind: 'error',
          text: t('agreement.export.failed', { message: errorText(r.error) }),
        })
      else if (r.value)
        onNotice({ kind: 'info', text: t('agreement.export.saved', { path: r.value.filePath }) })
    } finally {
      setBusy(false)
    }
  }

  return {
    busy,
    saveTable: (request: AgreementRequest) =>
      run(() => window.gloss.exportAgreementCsv(sessionId, request)),
    saveUnits: (request: AgreementRequest) =>
      run(() => window.gloss.exportAgreementUnitsCsv(sessionId, request)),
    savePng: (svg: SVGSVGElement | null) =>
      run(async () => {
        if (!svg) return { ok: true, value: null }
        const png = await svgToPngBase64(svg, i18n)
        if (!png.ok) return png
        return window.gloss.saveAgreementPng(sessionId, png.value)
      }),
  }
}
