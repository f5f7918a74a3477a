// A rough guess of the article's language from common words, so the browser
// hyphenates and spell-checks it right. Only French and English are told apart.
const FRENCH = /\b(le|la|les|des|est|une|du|et|qui|pour|dans|sur|pas|que)\b/giu
const ENGLISH = /\b(the|and|of|to|is|in|that|for|with|was|on|are)\b/giu

export function guessLanguage(text: string): string | undefined {
  const sample = text.slice(0, 20_000)
  const fr = sample.match(FRENCH)?.length ?? 0
  const en = sample.match(ENGLISH)?.length ?? 0
  if (fr + en < 10) return undefined
  return fr > en ? 'fr' : 'en'
}
