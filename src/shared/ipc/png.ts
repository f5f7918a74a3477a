// The chart image saveSummaryPng accepts: canonical base64 of PNG bytes, at
// most MAX_PNG_BYTES once decoded. Pure: checks the text, decodes only the
// first bytes; never trusts a data URL or a file name.
import { z } from 'zod'

/** Largest chart image saveSummaryPng accepts, in bytes (decoded). */
export const MAX_PNG_BYTES = 20 * 1024 * 1024

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** True for canonical base64 (padded, no whitespace) whose bytes start with the PNG signature. */
export function isPngBase64(s: string): boolean {
  if (s.length < 12 || s.length % 4 !== 0) return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const b64 =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47
    // '=' only as the last one or two characters.
    if (!b64 && !(c === 61 && i >= s.length - 2 && (i === s.length - 1 || s[i + 1] === '=')))
      return false
  }
  const head = atob(s.slice(0, 12))
  return PNG_SIGNATURE.every((byte, i) => head.charCodeAt(i) === byte)
}

/** A PNG image as base64, at most MAX_PNG_BYTES once decoded. */
export const pngBase64Schema = z
  .string()
  .max(Math.ceil(MAX_PNG_BYTES / 3) * 4, 'the image is larger than 20 MB')
  .refine(isPngBase64, 'not a PNG image in base64')
