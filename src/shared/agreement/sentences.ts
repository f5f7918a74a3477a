// The sentences of a paragraph, the finest nominal unit of inter-coder
// agreement. ICU's sentence rules (Intl.Segmenter, the same in Node and in
// Chromium) propose the breaks; Gloss's rules for French and English news
// text then take back the breaks ICU gets wrong. Both abbreviation lists
// apply whatever the article's language; the language only picks ICU's
// locale. One Segmenter per language, made once and reused.
//
// Gloss's rules. First one break ICU never proposes: after the ellipsis
// character … (and any closing quote or bracket) before a space and a
// capital, as ICU does after "...". Then, for each break proposed:
// 1. A break after a line break always stands: a sentence never spans two
//    lines (paragraphs are lines, text.ts).
// 2. Closing quotes stay with their sentence. ICU breaks before a closing
//    guillemet or curly quote set off by a space (« Je viens. » → "» …");
//    the break moves after the quote and the spaces that follow it.
// 3. No break before a word that starts with a lower-case letter (opening
//    quotes, brackets and dashes skipped): an incise after a quotation
//    (« Tu viens ? » demanda-t-elle. / “Coming?” she asked.), a question
//    inside a sentence (Que faire ? se demande-t-il.), an ellipsis inside a
//    sentence (Il hésita… puis repartit.). Taken with rule 2, a quotation
//    that ends a French sentence keeps its closing » and the incise that
//    follows it (« … », a-t-il dit.), while « Je viens. » Puis il partit.
//    gives two sentences. Breaks between sentences inside a quotation stand:
//    a long quoted answer is several sentences, the last keeping the ».
// 4. No break after an abbreviation (ABBREVIATIONS, case-sensitive), after
//    No./Nos./no. before a number, or after capital initials (J. K.
//    Rowling, U.S. Senate, J.-C., J.-P. Sartre). Known misses, on purpose:
//    a sentence that really ends on an initial (le plan B. Puis…) is joined
//    to the next one. "etc." is not in the list: mid-sentence it is followed
//    by a lower-case word or by punctuation, which rule 3 and ICU already
//    handle, and before a capital it almost always ends its sentence.
// Decimal numbers (3.5, 3,2) need no rule: ICU never breaks between digits.
//
// It must never drop, repeat or reorder a character: the sentences of a
// range cover each of its non-space characters exactly once, in order, and
// each is trimmed of surrounding white space (text.ts's trimRange). Pure:
// no DOM, no Node.
import { trimRange } from '../model/text'

export interface SentenceRange {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number
  end: number
}

/** Abbreviations after which a sentence never ends (French and English, case-sensitive). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // French titles and references (Mme, Mlle, Dr, Pr, Me, St, Ste and n° are
  // usually written without a period, which ICU never breaks after).
  'M.',
  'MM.',
  'Mme.',
  'Mmes.',
  'Mlle.',
  'Mlles.',
  'Dr.',
  'Pr.',
  'Me.',
  'Mgr.',
  'St.',
  'Ste.',
  'p.',
  'pp.',
  'cf.',
  'Cf.',
  'env.',
  'av.',
  'apr.',
  'J.-C.',
  // English titles, references and company names.
  'Mr.',
  'Mrs.',
  'Ms.',
  'Prof.',
  'Gen.',
  'Gov.',
  'Sen.',
  'Rep.',
  'Rev.',
  'e.g.',
  'i.e.',
  'vs.',
  'Inc.',
  'Ltd.',
  'Co.',
  'Corp.',
  // English months (capitalized: the French ones clash with words such as "sept.").
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'Jun.',
  'Jul.',
  'Aug.',
  'Sep.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
])

/** Abbreviations that hold the sentence together only before a number ("No. 10", but "No. I won't."). */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(['No.', 'Nos.', 'no.', 'nos.'])

/** One or more capital initials: J. / U.S. / J.-C. / J.-P. */
const INITIALS = /^\p{Lu}\.(?:-?\p{Lu}\.)*$/u
/** Characters that end a line: a sentence never crosses them. */
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/
/** White space within a line. */
const SPACE = /[^\S\n\r\u0085\u2028\u2029]/u
/** Closing quotes that French and English set off with a space. */
const CLOSING_QUOTE = /[»”›]/
/** Opening punctuation before an abbreviation ("(M. Dupont", "« M. Dupont"). */
const OPENING = /^[«“‘"'([{‹—–-]+/u
const LOWER = /\p{Ll}/u
const UPPER = /\p{Lu}/u
/** What may follow an ellipsis before the space that ends its sentence. */
const AFTER_ELLIPSIS = /[»”’"')\]›….!?]/
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** Longest token looked at for an abbreviation or initials. */
const MAX_TOKEN = 16
/** Most punctuation characters skipped when looking for the first letter after a break. */
const MAX_SKIP = 8

const segmenters = new Map<string, Intl.Segmenter>()

/**
 * The Segmenter of an article's language ('fr', 'en', 'fr-FR', 'en_GB'…),
 * by its primary subtag; empty or unusable → French.
 */
function segmenterFor(language: string): Intl.Segmenter {
  const primary = language.trim().split(/[-_]/)[0]!.toLowerCase()
  const key = /^[a-z]{2,3}$/.test(primary) ? primary : 'fr'
  let segmenter = segmenters.get(key)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(key, { granularity: 'sentence' })
    segmenters.set(key, segmenter)
  }
  return segmenter
}

/**
 * The sentences of text[start, end) (usually one paragraph), as trimmed
 * UTF-16 ranges into `text`, in order; none for a range of white space.
 */
export function splitSentences(
  text: string,
  start: number,
  end: number,
  language: string,
): SentenceRange[] {
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  if (from === to) return []
  const proposed: number[] = []
  for (const s of segmenterFor(language).segment(text.slice(from, to)))
    if (s.index > 0) proposed.push(from + s.index)
  const extra = ellipsisBreaks(text, from, to)
  if (extra.length) mergeSorted(proposed, extra)
  proposed.push(to)

  const cuts = [from]
  for (let i = 0; i + 1 < proposed.length; i++) {
    const at = proposed[i]!
    if (LINE_BREAK.test(text[at - 1]!)) {
      cuts.push(at)
      continue
    }
    const moved = afterClosingQuotes(text, at, proposed[i + 1]!)
    // The next segment was only a closing quote: the break it ends is the one to judge.
    if (moved >= proposed[i + 1]!) continue
    if (!holdsTogether(text, moved, to)) cuts.push(moved)
  }
  cuts.push(to)

  const out: SentenceRange[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const r = trimRange(text, cuts[i]!, cuts[i + 1]!)
    if (r) out.push(r)
  }
  return out
}

/** Adds `extra` to the sorted `into`, keeping it sorted and without repeats. */
function mergeSorted(into: number[], extra: readonly number[]): void {
  const all = [...new Set([...into, ...extra])].sort((a, b) => a - b)
  into.length = 0
  into.push(...all)
}

/** Breaks after "…" (closing quotes and brackets kept) before a space and a capital. */
function ellipsisBreaks(text: string, from: number, to: number): number[] {
  const out: number[] = []
  for (let i = text.indexOf('…', from); i !== -1 && i < to; i = text.indexOf('…', i + 1)) {
    let j = i + 1
    while (j < to && AFTER_ELLIPSIS.test(text[j]!)) j++
    let k = j
    while (k < to && SPACE.test(text[k]!)) k++
    if (k > j && k < to && UPPER.test(text[k]!)) out.push(k)
  }
  return out
}

/** Where a break at `at` goes once the closing quotes (and spaces) that follow it stay behind. */
function afterClosingQuotes(text: string, at: number, limit: number): number {
  let i = at
  while (i < limit && SPACE.test(text[i]!)) i++
  if (i >= limit || !CLOSING_QUOTE.test(text[i]!)) return at
  while (i < limit && (CLOSING_QUOTE.test(text[i]!) || SPACE.test(text[i]!))) i++
  return i
}

/** True when the break ICU proposes at `at` is one of its misses (rules 3 and 4). */
function holdsTogether(text: string, at: number, to: number): boolean {
  // Rule 3: the first letter or digit after the break is lower case.
  for (let i = at, skipped = 0; i < to && skipped <= MAX_SKIP; i++, skipped++) {
    const ch = text[i]!
    if (LINE_BREAK.test(ch)) break
    if (LETTER_OR_DIGIT.test(ch)) {
      if (LOWER.test(ch)) return true
      break
    }
  }
  // Rule 4: the word before the break is an abbreviation or initials.
  let e = at
  while (e > 0 && SPACE.test(text[e - 1]!)) e--
  let s = e
  while (s > 0 && e - s <= MAX_TOKEN && !/\s/u.test(text[s - 1]!)) s--
  if (e - s > MAX_TOKEN) return false
  const token = text.slice(s, e).replace(OPENING, '')
  if (ABBREVIATIONS.has(token) || INITIALS.test(token)) return true
  return NUMBER_ABBREVIATIONS.has(token) && /\p{N}/u.test(text[nextNonSpace(text, at, to)] ?? '')
}

function nextNonSpace(text: string, i: number, to: number): number {
  while (i < to && SPACE.test(text[i]!)) i++
  return i
}
