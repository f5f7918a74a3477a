// Finding a passage again in a text that changed (an article edited or
// re-imported on one side), from what the passage keeps: its quote, up to
// 32 characters before and after it, and where it was. First the quote as
// it is: of its occurrences, the one whose surroundings agree best with the
// prefix and suffix, the nearest to where it was among equals. Then the
// same with runs of white space counted as one space (a line break that
// became a space, a doubled space). Nothing fuzzier: a quote whose words
// changed is not found, and the caller says so rather than guess.
// Pure: no DOM, no Node, no Electron.

/** What a passage keeps to be found again. */
export interface Anchor {
  quote: string
  prefix: string
  suffix: string
  /** Where it started in the text it was made in (UTF-16). */
  start: number
}

/** Occurrences looked at, at most (a one-letter quote in a long text). */
const MAX_OCCURRENCES = 10_000

/** Where the passage lies in `text` ([start, end), UTF-16), or null when it cannot be found. */
export function reanchor(text: string, anchor: Anchor): { start: number; end: number } | null {
  if (anchor.quote === '') return null
  const exact = bestOccurrence(text, anchor.quote, anchor.prefix, anchor.suffix, anchor.start)
  if (exact !== null) return { start: exact, end: exact + anchor.quote.length }
  return looseMatch(text, anchor)
}

/** The start of the occurrence of `quote` whose context agrees best (nearest `near` among equals). */
function bestOccurrence(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  near: number,
): number | null {
  let best: number | null = null
  let bestScore = -1
  let seen = 0
  for (
    let i = text.indexOf(quote);
    i >= 0 && seen < MAX_OCCURRENCES;
    i = text.indexOf(quote, i + 1)
  ) {
    seen++
    const score = commonEnd(text, i, prefix) + commonStart(text, i + quote.length, suffix)
    if (
      score > bestScore ||
      (score === bestScore && best !== null && Math.abs(i - near) < Math.abs(best - near))
    ) {
      best = i
      bestScore = score
    }
  }
  return best
}

/** How many characters of `prefix`'s end match the text just before `at`. */
function commonEnd(text: string, at: number, prefix: string): number {
  let n = 0
  while (n < prefix.length && at - n - 1 >= 0 && text[at - n - 1] === prefix[prefix.length - n - 1])
    n++
  return n
}

/** How many characters of `suffix`'s start match the text from `at`. */
function commonStart(text: string, at: number, suffix: string): number {
  let n = 0
  while (n < suffix.length && at + n < text.length && text[at + n] === suffix[n]) n++
  return n
}

const collapse = (s: string) => s.replace(/\s+/g, ' ')

/** The quote found with runs of white space as one space, mapped back to the text. */
function looseMatch(text: string, anchor: Anchor): { start: number; end: number } | null {
  const quote = collapse(anchor.quote)
  if (quote.trim() === '') return null
  // The text with runs of white space collapsed, and where each character came from.
  const from: number[] = []
  const to: number[] = []
  let folded = ''
  for (let i = 0; i < text.length;) {
    if (/\s/.test(text[i]!)) {
      let j = i + 1
      while (j < text.length && /\s/.test(text[j]!)) j++
      folded += ' '
      from.push(i)
      to.push(j)
      i = j
    } else {
      folded += text[i]
      from.push(i)
      to.push(i + 1)
      i++
    }
  }
  const near = foldedOffset(from, anchor.start)
  const at = bestOccurrence(folded, quote, collapse(anchor.prefix), collapse(anchor.suffix), near)
  if (at === null) return null
  return { start: from[at]!, end: to[at + quote.length - 1]! }
}

/** The place in the folded text of an offset of the original (the first at or after it). */
function foldedOffset(from: readonly number[], offset: number): number {
  let lo = 0
  let hi = from.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (from[mid]! < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}
