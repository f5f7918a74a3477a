// Seeded input shared by the benchmark, the e2e specs and unit tests (the
// benchmark's, the same for every contender): a ~1 MB French-like article
// (2,000 paragraphs, accents, some emoji) and passages 4–64 UTF-16 units
// long, 3 % of them crossing a paragraph boundary, many overlapping, tagged
// with 1–3 of 8 themes. Written as real Gloss sessions (schema version 1) so
// that Gloss opens them through its own handlers, and read back by the peer
// pages, so that everyone gets the same text and ranges.
import { createHash } from 'node:crypto'
import { comparePassages } from '../src/shared/model/edits'
import {
  CONTEXT_LENGTH,
  SCHEMA_VERSION,
  splitsSurrogatePair,
  type Passage,
  type Session,
  type Theme,
} from '../src/shared/model/schema'
import { normalizeText, snapToWords, splitParagraphs } from '../src/shared/model/text'
import { prng } from './prng'

export const SEED = 20261127
export const PARAGRAPHS = 2000
export const TIME = '2026-11-27T10:00:00.000Z'

/** Eight themes with keys "1".."8" (Okabe–Ito colours). */
export const CODEBOOK: readonly Theme[] = [
  { id: 'growth', name: 'Growth', colour: '#009E73', key: '1' },
  { id: 'culture', name: 'Culture', colour: '#E69F00', key: '2' },
  { id: 'secrecy', name: 'Secrecy', colour: '#CC79A7', key: '3' },
  { id: 'safety', name: 'Safety', colour: '#0072B2', key: '4' },
  { id: 'power', name: 'Power', colour: '#D55E00', key: '5' },
  { id: 'money', name: 'Money', colour: '#56B4E9', key: '6' },
  { id: 'people', name: 'People', colour: '#F0E442', key: '7' },
  { id: 'risk', name: 'Risk', colour: '#000000', key: '8' },
]

export { prng }

const WORDS = (
  'le la les un une des du de et à en au aux pour par sur dans avec sans sous chez entre ' +
  'équipe sécurité croissance société données modèle réseau projet produit marché ' +
  'ingénieur chercheuse dirigeant conseil décision stratégie culture secret rythme ' +
  'lancement été hiver année semaine journée réunion début fin problème solution ' +
  'très déjà où là être avoir faire voir dire pouvoir vouloir savoir falloir ' +
  'rapide lent fragile énorme élevé complexe évident inquiétant prometteur ' +
  'économie éthique général intérieur extérieur français européen américain ' +
  'cœur œuvre sœur manœuvre façon reçu garçon leçon Noël naïf ambiguë ' +
  'l’équipe l’entreprise d’abord aujourd’hui qu’il jusqu’à s’est n’est c’était ' +
  'peut-être c’est-à-dire rendez-vous vis-à-vis après-midi ' +
  'croît mûr hôtel forêt île côté tâche fenêtre goût août ' +
  'IA GPU Codex API 2025 2026 12 000 % € 3,5 milliards'
).split(/\s+/)
const EMOJI = ['🙂', '🚀', '📈', '🇫🇷', '👩‍💻', '🤖', '🔒', '✨']
const PUNCT = ['.', '.', '.', '.', ' !', ' ?', '…']

/** The article: paragraphs separated by one LF, already normalized. */
export function generateArticle(seed = SEED, paragraphs = PARAGRAPHS): string {
  const rnd = prng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!
  const out: string[] = []
  for (let p = 0; p < paragraphs; p++) {
    // About 460 characters on average: 2,000 paragraphs ≈ 1 MB of UTF-8.
    const target = 200 + Math.floor(rnd() * 400)
    let para = ''
    while (para.length < target) {
      const n = 6 + Math.floor(rnd() * 16)
      const words: string[] = []
      for (let i = 0; i < n; i++) {
        let w = pick(WORDS)
        if (i === 0) w = w[0]!.toUpperCase() + w.slice(1)
        words.push(w)
        if (i > 0 && i < n - 1 && rnd() < 0.07) words[words.length - 1] += ','
      }
      let sentence = words.join(' ') + pick(PUNCT)
      if (rnd() < 0.08) sentence = `« ${sentence} »`
      if (rnd() < 0.06) sentence += ` ${pick(EMOJI)}`
      para += (para ? ' ' : '') + sentence
    }
    out.push(para)
  }
  const text = out.join('\n')
  if (normalizeText(text) !== text) throw new Error('generated text is not normalized')
  return text
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * A stream of passages over `text`: the first n of a longer stream are the
 * same passages, so smaller sets are subsets of larger ones.
 */
export function generatePassages(text: string, count: number, seed = SEED + 1): Passage[] {
  const rnd = prng(seed)
  const paras = splitParagraphs(text)
  const starts = paras.map((p) => p.start)
  const paraOf = (offset: number) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  const fit = (start: number, end: number) => {
    if (splitsSurrogatePair(text, start)) start--
    if (splitsSurrogatePair(text, end)) end++
    return [start, Math.min(end, text.length)] as const
  }
  const out: Passage[] = []
  for (let i = 0; i < count; i++) {
    const len = 4 + Math.floor(rnd() * 61)
    const r = rnd()
    let start: number
    if (r < 0.03) {
      // Crossing: starts in the last len-1 characters of a paragraph, ends in the next.
      const k = Math.floor(rnd() * (paras.length - 1))
      start = paras[k]!.end - 1 - Math.floor(rnd() * (len - 2))
    } else {
      // Inside one paragraph; 25 % of them start inside an earlier passage (overlap, nesting).
      const q = i > 0 && r < 0.28 ? out[Math.floor(rnd() * i)]! : null
      const want = q
        ? q.start + Math.floor(rnd() * (q.end - q.start))
        : Math.floor(rnd() * text.length)
      const p = paras[paraOf(want)]!
      start = Math.max(p.start, Math.min(want, p.end - len))
    }
    const [s, e] = fit(start, start + len)
    const themeCount = r < 0.7 ? 1 : r < 0.92 ? 2 : 3
    const chosen = new Set<number>()
    while (chosen.size < themeCount) chosen.add(Math.floor(rnd() * CODEBOOK.length))
    out.push({
      id: `p${String(i).padStart(6, '0')}`,
      start: s,
      end: e,
      quote: text.slice(s, e),
      prefix: text.slice(Math.max(0, s - CONTEXT_LENGTH), s),
      suffix: text.slice(e, e + CONTEXT_LENGTH),
      themeIds: [...chosen].sort((a, b) => a - b).map((t) => CODEBOOK[t]!.id),
      note: rnd() < 0.05 ? 'À vérifier auprès de la source 🙂\nDeuxième ligne.' : '',
      createdAt: TIME,
      updatedAt: TIME,
      author: 'bench',
    })
  }
  return out.sort(comparePassages)
}

export interface Add {
  id: string
  start: number
  end: number
  themeId: string
}

/**
 * Passages to add one at a time: whole words (so Gloss's snapping keeps them
 * as they are), inside one paragraph, spread over the article.
 */
export function generateAdds(text: string, count: number, seed = SEED + 2): Add[] {
  const rnd = prng(seed)
  const paras = splitParagraphs(text)
  const adds: Add[] = []
  for (let i = 0; adds.length < count && i < count * 10; i++) {
    const p = paras[Math.floor(((i % count) + rnd()) * (paras.length / count))]!
    const words = [...text.slice(p.start, p.end).matchAll(/[\p{L}\p{N}]+/gu)]
    if (words.length < 8) continue
    const w = Math.floor(rnd() * (words.length - 6))
    const start = p.start + words[w]!.index
    let end = start
    for (let k = w; k < words.length && end - start < 10; k++)
      end = p.start + words[k]!.index + words[k]![0].length
    const snapped = snapToWords(text, start, end)
    if (!snapped || snapped.start !== start || snapped.end !== end || end - start > 40) continue
    adds.push({ id: `add${adds.length}`, start, end, themeId: CODEBOOK[0]!.id })
  }
  return adds
}

export function makeSession(text: string, passages: Passage[], id: string): Session {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    createdAt: TIME,
    updatedAt: TIME,
    document: {
      title: `Banc d’essai : article généré (graine ${SEED})`,
      sourceFileName: 'bench-article.txt',
      text,
      sha256: sha256(text),
    },
    codebook: CODEBOOK.map((t) => ({ ...t })),
    passages,
    ui: { scrollTop: 0 },
  }
}

/** Statistics of the input, for the report. */
export function describeInput(text: string, passages: readonly Passage[]) {
  const paras = splitParagraphs(text)
  const crossing = passages.filter((p) => text.slice(p.start, p.end).includes('\n')).length
  let overlapping = 0
  let maxEnd = -1
  for (const p of passages) {
    if (p.start < maxEnd) overlapping++
    maxEnd = Math.max(maxEnd, p.end)
  }
  return {
    characters: text.length,
    utf8Bytes: Buffer.byteLength(text, 'utf8'),
    paragraphs: paras.length,
    passages: passages.length,
    crossingParagraphs: crossing,
    overlappingPrevious: overlapping,
  }
}
