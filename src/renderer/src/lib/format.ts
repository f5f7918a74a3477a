// Display helpers that do not depend on the language (dates, numbers and
// words go through the i18n layer, src/renderer/src/i18n).

/** First `max` characters of a text on one line, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat
}
