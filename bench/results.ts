// Rows of results: each bench file records its rows into the run's folder;
// the global teardown merges them, prints the table and writes the JSON.
import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const CONTENDERS = ['gloss', 'recogito', 'apache', 'markjs'] as const
export type Contender = (typeof CONTENDERS)[number]

export const CONTENDER_LABELS: Record<Contender, string> = {
  gloss: 'Gloss',
  recogito: 'Recogito 4.1.1',
  apache: 'Apache Annotator',
  markjs: 'mark.js',
}

/** Scenarios in table order. `unit` is what median_ms / p95_ms hold when it is not ms. */
export const SCENARIOS = {
  open: { label: 'open → first paint with highlights (peers: apply → paint)', unit: 'ms' },
  highlightCost: {
    label: 'cost of the passages: Gloss open(N) − open(0); peers apply → paint',
    unit: 'ms',
  },
  openArticle: { label: 'open → article painted', unit: 'ms' },
  openReply: { label: 'open: handler reply received (main + test transport)', unit: 'ms' },
  openLongestTask: {
    label: 'open: longest main-thread task (the harness parsing the reply included)',
    unit: 'ms',
  },
  openTransport: {
    label: 'open: test transport of the reply (DevTools protocol; Electron uses IPC)',
    unit: 'ms',
  },
  openOwn: {
    label: 'open → first paint with highlights, test transport excluded',
    unit: 'ms',
  },
  add: { label: 'add one passage → next paint', unit: 'ms' },
  typeNote: { label: 'unrelated update: type in note → next paint', unit: 'ms' },
  filter: { label: 'unrelated update: toggle theme filter → next paint', unit: 'ms' },
  hitTest: { label: 'hit-test: passages under a point', unit: 'ms' },
  scroll: { label: 'article scroll 200 px/frame: frames > 25 ms (of 120)', unit: 'frames' },
  scrollMax: { label: 'article scroll: longest frame', unit: 'ms' },
  domNodes: { label: 'DOM elements added to the article', unit: 'elements' },
  sidebarScroll: { label: 'sidebar scroll 200 px/frame: frames > 25 ms (of 120)', unit: 'frames' },
  heap: { label: 'JS heap used (after GC)', unit: 'MB' },
  save: { label: 'main: SessionFile.save', unit: 'ms' },
  load: { label: 'main: loadSessionFile (read + parse + validate)', unit: 'ms' },
  csv: { label: 'main: export CSV (build, encode, write the file)', unit: 'ms' },
  ipcClone: {
    label:
      'main → renderer: structured clone of the open reply (v8 serialize + deserialize, as Electron IPC)',
    unit: 'ms',
  },
  // A session holding a corpus (bench/corpus*.bench.ts): 2,000 articles, 200,000 passages.
  corpusOpen: {
    label: 'corpus: open → the articles list and the first article painted with its highlights',
    unit: 'ms',
  },
  corpusOpenOwn: {
    label: 'corpus: open → articles list and first article painted, test transport excluded',
    unit: 'ms',
  },
  corpusOpenLongestTask: { label: 'corpus: open, longest main-thread task', unit: 'ms' },
  corpusSwitch: {
    label: 'corpus: switch article (Alt+→) → text and highlights painted',
    unit: 'ms',
  },
  corpusAdd: { label: 'corpus: add one passage → next paint', unit: 'ms' },
  corpusHeap: { label: 'corpus: renderer JS heap used (after GC)', unit: 'MB' },
  corpusOpenReply: {
    label: 'corpus, main: "Open session…" answered (index + open article)',
    unit: 'ms',
  },
  corpusOpenAll: {
    label: 'corpus, main: every article read (in the background after the answer)',
    unit: 'ms',
  },
  corpusIpcClone: { label: 'corpus: structured clone of the open reply', unit: 'ms' },
  corpusSwitchMain: { label: 'corpus, main: switch article (handler)', unit: 'ms' },
  corpusSave: { label: 'corpus, main: autosave of one passage edit', unit: 'ms' },
  corpusSaveBytes: { label: 'corpus, main: bytes one passage edit writes', unit: 'KB' },
  corpusIndexSave: {
    label: 'corpus, main: autosave of one index edit (rename an article)',
    unit: 'ms',
  },
  corpusIndexBytes: { label: 'corpus, main: bytes one index edit writes', unit: 'KB' },
  corpusMerge: {
    label: 'corpus, main: merge two themes across the corpus, or undo it (saved)',
    unit: 'ms',
  },
  corpusMainRss: { label: 'corpus, main: process RSS with the corpus open (Node)', unit: 'MB' },
  corpusSearchFirst: { label: 'corpus search, common word: first results', unit: 'ms' },
  corpusSearchAll: { label: 'corpus search, common word: all results', unit: 'ms' },
  corpusPassageFilter: {
    label: 'corpus, main: Passages view filter (one theme) over every passage',
    unit: 'ms',
  },
  // Importing (bench/import-node.bench.ts): through the "Add articles…" handler.
  importWebPages: {
    label: 'import, main: 500 saved web pages of about 200 KB of markup each (whole batch)',
    unit: 'ms',
  },
  importWebPagesBlock: {
    label: 'import, main: longest event-loop block while adding the 500 web pages',
    unit: 'ms',
  },
  importWebPagesIdle: {
    label:
      'import: longest event-loop delay of an idle thread beside main while adding the web pages (the machine, not Gloss)',
    unit: 'ms',
  },
  importWebPagesSave: {
    label:
      'import, main: a save of the open session while adding the web pages (longest of one every 250 ms)',
    unit: 'ms',
  },
  importPdf: { label: 'import, main: one 300-page PDF (whole add)', unit: 'ms' },
  importPdfBlock: {
    label: 'import, main: longest event-loop block while adding the 300-page PDF',
    unit: 'ms',
  },
  importPdfIdle: {
    label:
      'import: longest event-loop delay of an idle thread beside main while adding the PDF (the machine, not Gloss)',
    unit: 'ms',
  },
  // Inter-coder agreement (bench/agreement-node.bench.ts): 2,000 articles, 3 coders, 40 themes.
  agreementParagraph: {
    label: 'agreement, main: all themes at paragraph units (whole computation)',
    unit: 'ms',
  },
  agreementParagraphCpu: { label: 'agreement, main: paragraph units, CPU time', unit: 'ms' },
  agreementParagraphBlock: {
    label: 'agreement, main: longest event-loop block, paragraph units',
    unit: 'ms',
  },
  agreementCharacters: {
    label: 'agreement, main: all themes at character units, αu (whole computation)',
    unit: 'ms',
  },
  agreementCharactersCpu: { label: 'agreement, main: character units, CPU time', unit: 'ms' },
  agreementCharactersBlock: {
    label: 'agreement, main: longest event-loop block, character units',
    unit: 'ms',
  },
} as const
export type Scenario = keyof typeof SCENARIOS

export interface Row {
  scenario: string
  contender: Contender
  passages: number
  /** Median; in `unit` for non-time scenarios (frames, elements, MB). null: n/a, timeout or error. */
  median_ms: number | null
  p95_ms: number | null
  runs: number
  /** Scenario key (for ordering) and the unit of median_ms / p95_ms. */
  key: Scenario
  unit: string
  /** 'n/a', 'timeout', 'error: …' or extra facts (dropped ranges…). */
  note?: string
}

/** Median and 95th percentile (nearest rank) of a non-empty list. */
export function stats(values: readonly number[]): { median: number; p95: number } {
  const s = [...values].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!
  const mid = s.length >> 1
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
  return { median, p95: at(0.95) }
}

export function row(
  key: Scenario,
  contender: Contender,
  passages: number,
  values: readonly number[] | null,
  note?: string,
): Row {
  const base = {
    scenario: SCENARIOS[key].label,
    contender,
    passages,
    key,
    unit: SCENARIOS[key].unit,
  }
  if (!values || values.length === 0)
    return { ...base, median_ms: null, p95_ms: null, runs: 0, note: note ?? 'n/a' }
  const { median, p95 } = stats(values)
  const round = (x: number) => Math.round(x * 1000) / 1000
  return {
    ...base,
    median_ms: round(median),
    p95_ms: round(p95),
    runs: values.length,
    ...(note ? { note } : {}),
  }
}

/** Records rows for the teardown (each call writes its own file). */
export function record(rows: Row[]): void {
  const dir = process.env.BENCH_RUN_DIR
  if (!dir)
    throw new Error('BENCH_RUN_DIR is not set: run through bench/playwright.bench.config.ts')
  const parts = join(dir, 'parts')
  mkdirSync(parts, { recursive: true })
  writeFileSync(join(parts, `${Date.now()}-${randomUUID()}.json`), JSON.stringify(rows))
  for (const r of rows)
    console.log(
      `  [bench] ${r.contender} · ${r.scenario} · ${r.passages}: ${
        r.median_ms === null ? r.note : `${fmt(r.median_ms)} (p95 ${fmt(r.p95_ms!)}) ${r.unit}`
      }${r.note && r.median_ms !== null ? ` — ${r.note}` : ''}`,
    )
}

export function fmt(x: number): string {
  const a = Math.abs(x)
  if (a >= 100) return Math.round(x).toLocaleString('en-US')
  if (a >= 10) return x.toFixed(1)
  if (a >= 1) return x.toFixed(2)
  if (x === 0) return '0'
  return x.toFixed(3)
}

function cell(r: Row | undefined): string {
  if (!r) return ''
  if (r.median_ms === null) return r.note?.startsWith('error') ? 'error' : (r.note ?? 'n/a')
  const unit = r.unit === 'ms' ? '' : ` ${r.unit}`
  const p95 =
    r.runs > 1 && r.p95_ms !== null && r.p95_ms !== r.median_ms ? ` (p95 ${fmt(r.p95_ms)})` : ''
  return `${fmt(r.median_ms)}${p95}${unit}`
}

/** Gloss / peer, for time scenarios where both have a number. */
function ratio(gloss: Row | undefined, peer: Row | undefined): string {
  if (!gloss || !peer || gloss.median_ms === null || peer.median_ms === null) return ''
  if (gloss.unit !== 'ms' || gloss.median_ms <= 0 || peer.median_ms <= 0) return ''
  return `${(gloss.median_ms / peer.median_ms).toFixed(2)}×`
}

/**
 * Gloss's open includes reading and laying out the article, the peers' apply
 * does not: the difference of Gloss's medians with and without passages is
 * the comparable number.
 */
export function deriveRows(rows: Row[]): Row[] {
  const out: Row[] = []
  const open = rows.filter((r) => r.key === 'open')
  const base = open.find((r) => r.contender === 'gloss' && r.passages === 0)
  for (const r of open) {
    if (r.passages === 0) continue
    const label = SCENARIOS.highlightCost.label
    if (r.contender !== 'gloss') {
      out.push({ ...r, key: 'highlightCost', scenario: label })
      continue
    }
    if (!base || base.median_ms === null || r.median_ms === null) continue
    out.push({
      ...row('highlightCost', 'gloss', r.passages, [r.median_ms - base.median_ms]),
      runs: Math.min(r.runs, base.runs),
      p95_ms: null,
      note:
        r.median_ms < base.median_ms
          ? `median(open ${r.passages}) − median(open 0) is negative: run-to-run noise exceeds the passages' cost`
          : `median(open ${r.passages}) − median(open 0)`,
    })
  }
  return out
}

export function buildTable(rows: Row[]): string[][] {
  const header = ['scenario', 'passages', 'Gloss']
  for (const c of CONTENDERS.slice(1)) header.push(CONTENDER_LABELS[c], 'Gloss/peer')
  const out: string[][] = [header]
  const keys = Object.keys(SCENARIOS) as Scenario[]
  const groups = new Map<string, Row[]>()
  for (const r of rows) {
    const g = `${r.key}|${r.passages}`
    if (!groups.has(g)) groups.set(g, [])
    groups.get(g)!.push(r)
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => {
    const [ka, na] = a.split('|')
    const [kb, nb] = b.split('|')
    return keys.indexOf(ka as Scenario) - keys.indexOf(kb as Scenario) || Number(na) - Number(nb)
  })
  for (const [, group] of ordered) {
    const by = (c: Contender) => group.find((r) => r.contender === c)
    const g = by('gloss')
    const line = [group[0]!.scenario, group[0]!.passages.toLocaleString('en-US'), cell(g)]
    for (const c of CONTENDERS.slice(1)) line.push(cell(by(c)), ratio(g, by(c)))
    out.push(line)
  }
  return out
}

export function formatText(table: string[][]): string {
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)))
  return table
    .map((r, j) => {
      const line = r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      const text = line.join(' │ ')
      return j === 0 ? `${text}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}` : text
    })
    .join('\n')
}

export function formatMarkdown(table: string[][]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|')
  const [head, ...body] = table
  return [
    `| ${head!.map(esc).join(' | ')} |`,
    `| ${head!.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
    ...body.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n')
}

/** The issue's targets, checked against Gloss's rows. */
export const TARGETS: {
  label: string
  key: Scenario
  passages: number
  stat: 'median_ms' | 'p95_ms'
  max: number
}[] = [
  {
    label:
      'open ≤ 500 ms (10,000 passages), with the IPC of Electron: open without the test transport + structured clone',
    key: 'openOwn',
    passages: 10_000,
    stat: 'median_ms',
    max: 500,
  },
  {
    label:
      'open ≤ 500 ms (10,000 passages), in the test harness (DevTools protocol transport included)',
    key: 'open',
    passages: 10_000,
    stat: 'median_ms',
    max: 500,
  },
  {
    label: 'highlights ≤ 250 ms after the article is painted (10,000)',
    key: 'open',
    passages: 10_000,
    stat: 'median_ms',
    max: 250,
  },
  { label: 'add ≤ 33 ms p95 (10,000)', key: 'add', passages: 10_000, stat: 'p95_ms', max: 33 },
  {
    label: 'unrelated update ≤ 20 ms median: note typing (10,000)',
    key: 'typeNote',
    passages: 10_000,
    stat: 'median_ms',
    max: 20,
  },
  {
    label: 'unrelated update ≤ 20 ms median: theme filter (10,000)',
    key: 'filter',
    passages: 10_000,
    stat: 'median_ms',
    max: 20,
  },
  { label: 'hit-test ≤ 1 ms (10,000)', key: 'hitTest', passages: 10_000, stat: 'p95_ms', max: 1 },
  {
    label: 'scroll: 0 frames > 25 ms (10,000)',
    key: 'scroll',
    passages: 10_000,
    stat: 'median_ms',
    max: 0,
  },
  {
    label: '0 DOM nodes added (10,000)',
    key: 'domNodes',
    passages: 10_000,
    stat: 'median_ms',
    max: 0,
  },
  {
    label: 'sidebar scroll: 0 frames > 25 ms (10,000)',
    key: 'sidebarScroll',
    passages: 10_000,
    stat: 'median_ms',
    max: 0,
  },
  {
    label: 'save ≤ 100 ms median (10,000)',
    key: 'save',
    passages: 10_000,
    stat: 'median_ms',
    max: 100,
  },
  { label: 'CSV of 100,000 ≤ 2 s', key: 'csv', passages: 100_000, stat: 'median_ms', max: 2000 },
  { label: 'heap ≤ 150 MB (10,000)', key: 'heap', passages: 10_000, stat: 'median_ms', max: 150 },
  // A session holding a corpus: 2,000 articles, 200,000 passages.
  {
    label:
      'corpus: open → first article interactive ≤ 800 ms, with the IPC of Electron: open without the test transport + structured clone',
    key: 'corpusOpenOwn',
    passages: 200_000,
    stat: 'median_ms',
    max: 800,
  },
  {
    label: 'corpus: open → first article interactive ≤ 800 ms, in the test harness',
    key: 'corpusOpen',
    passages: 200_000,
    stat: 'median_ms',
    max: 800,
  },
  {
    label: 'corpus: switch article → painted ≤ 150 ms p95',
    key: 'corpusSwitch',
    passages: 200_000,
    stat: 'p95_ms',
    max: 150,
  },
  {
    label: 'corpus: add one passage ≤ 33 ms p95',
    key: 'corpusAdd',
    passages: 200_000,
    stat: 'p95_ms',
    max: 33,
  },
  {
    label: 'corpus: autosave of one edit ≤ 100 ms median in main',
    key: 'corpusSave',
    passages: 200_000,
    stat: 'median_ms',
    max: 100,
  },
  {
    label: 'corpus: one edit writes ≤ 1 MB (p95)',
    key: 'corpusSaveBytes',
    passages: 200_000,
    stat: 'p95_ms',
    max: 1024,
  },
  {
    label: 'corpus: renderer JS heap ≤ 300 MB',
    key: 'corpusHeap',
    passages: 200_000,
    stat: 'median_ms',
    max: 300,
  },
  {
    label: 'corpus: main RSS ≤ 500 MB',
    key: 'corpusMainRss',
    passages: 200_000,
    stat: 'median_ms',
    max: 500,
  },
  {
    label: 'corpus search: first results ≤ 100 ms',
    key: 'corpusSearchFirst',
    passages: 200_000,
    stat: 'median_ms',
    max: 100,
  },
  {
    label: 'corpus search: all results ≤ 400 ms',
    key: 'corpusSearchAll',
    passages: 200_000,
    stat: 'median_ms',
    max: 400,
  },
  {
    label: 'import: 500 saved web pages ≤ 30 s',
    key: 'importWebPages',
    passages: 500,
    stat: 'median_ms',
    max: 30_000,
  },
  {
    label: 'import: main never blocked > 100 ms while adding web pages',
    key: 'importWebPagesBlock',
    passages: 500,
    stat: 'median_ms',
    max: 100,
  },
  {
    label: 'import: one 300-page PDF ≤ 10 s',
    key: 'importPdf',
    passages: 300,
    stat: 'median_ms',
    max: 10_000,
  },
  {
    label: 'import: main never blocked > 100 ms while adding a PDF',
    key: 'importPdfBlock',
    passages: 300,
    stat: 'median_ms',
    max: 100,
  },
  {
    label: 'corpus: Passages view filter ≤ 100 ms',
    key: 'corpusPassageFilter',
    passages: 200_000,
    stat: 'median_ms',
    max: 100,
  },
  {
    label: 'agreement: all themes at paragraph units ≤ 1 s (3 coders × 100,000 passages)',
    key: 'agreementParagraph',
    passages: 300_000,
    stat: 'median_ms',
    max: 1_000,
  },
  {
    label: 'agreement: all themes at character units ≤ 3 s (3 coders × 100,000 passages)',
    key: 'agreementCharacters',
    passages: 300_000,
    stat: 'median_ms',
    max: 3_000,
  },
  {
    label: 'agreement: main never blocked > 100 ms (paragraph units)',
    key: 'agreementParagraphBlock',
    passages: 300_000,
    stat: 'p95_ms',
    max: 100,
  },
  {
    label: 'agreement: main never blocked > 100 ms (character units)',
    key: 'agreementCharactersBlock',
    passages: 300_000,
    stat: 'p95_ms',
    max: 100,
  },
]

export interface TargetResult {
  target: string
  value: string
  met: boolean | null
}

export function checkTargets(rows: Row[]): TargetResult[] {
  const gloss = (key: Scenario, n: number) =>
    rows.find((r) => r.contender === 'gloss' && r.key === key && r.passages === n)
  return TARGETS.map((t) => {
    const r = gloss(t.key, t.passages)
    let value = r?.[t.stat] ?? null
    // "Highlights ≤ 250 ms": from the article's first paint to the first paint with highlights.
    if (t.max === 250 && t.key === 'open') {
      const article = gloss('openArticle', t.passages)
      value =
        value !== null && article?.median_ms != null ? Math.max(0, value - article.median_ms) : null
    }
    // Open with Electron's IPC: the harness's own open, minus its transport, plus the clone.
    if (t.key === 'openOwn' || t.key === 'corpusOpenOwn') {
      const clone = gloss(t.key === 'openOwn' ? 'ipcClone' : 'corpusIpcClone', t.passages)
      value = value !== null && clone?.median_ms != null ? value + clone.median_ms : null
    }
    if (value === null) return { target: t.label, value: r?.note ?? 'not measured', met: null }
    const unit = r!.unit === 'ms' ? 'ms' : r!.unit
    return {
      target: t.label,
      value: `${fmt(value)} ${unit}${t.stat === 'p95_ms' ? ' (p95)' : ''}`,
      met: value <= t.max,
    }
  })
}
