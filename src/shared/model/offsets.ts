// Conversions between UTF-16 code unit offsets (what the DOM and the session
// file use) and Unicode code point offsets (what the CSV exposes, so that
// Python's text[start:end] and R's substr give back the quote).

/** Code point offset of the UTF-16 offset `utf16` in `text`. */
export function utf16ToCodePoint(text: string, utf16: number): number {
  if (utf16 < 0 || utf16 > text.length) throw new RangeError(`offset ${utf16} is outside the text`)
  let cp = 0
  for (let i = 0; i < utf16; i++) {
    const c = text.charCodeAt(i)
    // Count a surrogate pair once: skip the low half that follows a high half.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        if (i + 1 === utf16) throw new RangeError(`offset ${utf16} splits a surrogate pair`)
        i++
      }
    }
    cp++
  }
  return cp
}

/** UTF-16 offset of the code point offset `cp` in `text`. */
export function codePointToUtf16(text: string, cp: number): number {
  if (cp < 0) throw new RangeError(`offset ${cp} is outside the text`)
  let i = 0
  for (let n = 0; n < cp; n++) {
    if (i >= text.length) throw new RangeError(`offset ${cp} is outside the text`)
    const c = text.charCodeAt(i)
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text, i + 1) ? 2 : 1
  }
  return i
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  return c >= 0xdc00 && c <= 0xdfff
}

/**
 * A converter for many offsets into one text: one pass builds a table, each
 * lookup is then O(log n). Used by the CSV export.
 */
export function makeCodePointIndex(text: string): (utf16: number) => number {
  // Most texts have no character outside the BMP: offsets are the same (found by one native scan).
  if (!/[\uD800-\uDFFF]/.test(text))
    return (utf16) => {
      if (utf16 < 0 || utf16 > text.length)
        throw new RangeError(`offset ${utf16} is outside the text`)
      return utf16
    }
  // Positions (UTF-16) of the low half of every surrogate pair, ascending.
  const lows: number[] = []
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text, i + 1)) {
      lows.push(i + 1)
      i++
    }
  }
  return (utf16) => {
    if (utf16 < 0 || utf16 > text.length)
      throw new RangeError(`offset ${utf16} is outside the text`)
    // Number of low halves strictly before utf16.
    let lo = 0
    let hi = lows.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (lows[mid]! < utf16) lo = mid + 1
      else hi = mid
    }
    if (lows[lo] === utf16) throw new RangeError(`offset ${utf16} splits a surrogate pair`)
    return utf16 - lo
  }
}
