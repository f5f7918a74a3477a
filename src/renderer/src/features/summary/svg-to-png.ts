// Renders an SVG element of the page to PNG bytes (base64) in the renderer:
// serialize it with XMLSerializer, load it in an Image from a data: URL (the
// CSP allows data: images), draw it on a canvas. Never touches the file
// system: the bytes go to main, which asks where to save them. Its messages
// are in the UI's language (`t`, `formatNumber` from useI18n()).
import { fail, MAX_PNG_BYTES, ok, type Result } from '@shared/api'
import type { I18n } from '@renderer/i18n/i18n'

/** The PNG as base64 (no data: prefix), drawn at `scale` device pixels per SVG unit. */
export async function svgToPngBase64(
  svg: SVGSVGElement,
  { t, formatNumber }: Pick<I18n, 't' | 'formatNumber'>,
  scale = 2,
): Promise<Result<string>> {
  const { width, height } = svg.viewBox.baseVal
  if (!width || !height) return fail('internal', t('summary.png.noSize'))
  const clone = svg.cloneNode(true) as SVGSVGElement
  clone.setAttribute('width', String(width))
  clone.setAttribute('height', String(height))
  const xml = new XMLSerializer().serializeToString(clone)
  const image = new Image()
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`
  try {
    await image.decode()
  } catch {
    return fail('internal', t('summary.png.notDrawn'))
  }
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(width * scale)
  canvas.height = Math.round(height * scale)
  const context = canvas.getContext('2d')
  if (!context) return fail('internal', t('summary.png.noCanvas'))
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  const url = canvas.toDataURL('image/png')
  const base64 = url.slice(url.indexOf(',') + 1)
  if (!url.startsWith('data:image/png;base64,'))
    return fail('internal', t('summary.png.notEncoded'))
  if ((base64.length / 4) * 3 > MAX_PNG_BYTES) {
    const size = formatNumber(MAX_PNG_BYTES / 1024 / 1024, { style: 'unit', unit: 'megabyte' })
    return fail('invalid-argument', t('summary.png.tooLarge', { size }))
  }
  return ok(base64)
}
