// After the bench files: merge the recorded rows, print the table (scenario ×
// contender, Gloss/peer ratios) and the targets, and write
// bench/results/latest.json and latest.md (git-ignored).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import {
  buildTable,
  checkTargets,
  CONTENDER_LABELS,
  deriveRows,
  CONTENDERS,
  formatMarkdown,
  formatText,
  row,
  type Row,
} from './results'

/** What bench/global-setup.ts wrote about the machine and the run. */
interface Machine {
  cpu: string
  nproc: string
  memory: string
  free: string
  chromium: string
  node: string
  gitHead: string
  gitDirty: boolean
  date: string
  quick: boolean
  loadAverageAtStart: number[]
  loadAverageAtEnd?: number[]
  [other: string]: unknown
}

export default async function globalTeardown() {
  const dir = process.env.BENCH_RUN_DIR
  if (!dir || !existsSync(dir)) return
  const partsDir = join(dir, 'parts')
  const rows: Row[] = existsSync(partsDir)
    ? readdirSync(partsDir)
        .sort()
        .flatMap((f) => JSON.parse(readFileSync(join(partsDir, f), 'utf8')) as Row[])
    : []
  rows.push(...deriveRows(rows))
  // What a contender has no row for does not apply to it.
  const groups = new Map(rows.map((r) => [`${r.key}|${r.passages}`, r]))
  for (const r of groups.values())
    for (const c of CONTENDERS)
      if (!rows.some((x) => x.key === r.key && x.passages === r.passages && x.contender === c))
        rows.push(row(r.key, c, r.passages, null, 'n/a'))

  const machineFile = join(dir, 'machine.json')
  if (!existsSync(machineFile)) return // the setup failed: nothing was measured
  const machine = JSON.parse(readFileSync(machineFile, 'utf8')) as Machine
  machine.loadAverageAtEnd = loadavg().map((x) => Number(x.toFixed(2)))
  const table = buildTable(rows)
  const notes = rows
    .filter(
      (r) => r.note && r.note !== 'n/a' && (r.key !== 'highlightCost' || r.contender === 'gloss'),
    )
    .map((r) => `${CONTENDER_LABELS[r.contender]} · ${r.scenario} · ${r.passages}: ${r.note}`)
  const targets = checkTargets(rows)
  const mark = (met: boolean | null) => (met === null ? '—' : met ? 'met' : 'MISSED')

  console.log(`\nGloss benchmark${machine.quick ? ' (BENCH_QUICK=1)' : ''}: median (p95)\n`)
  console.log(formatText(table))
  console.log('\nTargets (Gloss):')
  for (const t of targets) console.log(`  ${mark(t.met).padEnd(6)} ${t.target}: ${t.value}`)
  console.log('\nNotes:')
  for (const n of notes) console.log(`  ${n}`)
  const where =
    `${machine.cpu}; nproc ${machine.nproc}; ${machine.memory}; ${machine.chromium}; Node ${machine.node}; ` +
    `load average ${String(machine.loadAverageAtStart)} at start, ${String(machine.loadAverageAtEnd)} at end; ` +
    `${machine.gitDirty ? 'src/ had uncommitted changes on ' : ''}${machine.gitHead}`
  console.log(`\n${where}`)

  const out = resolve('bench/results')
  await mkdir(out, { recursive: true })
  const contenders = Object.fromEntries(CONTENDERS.map((c) => [c, CONTENDER_LABELS[c]]))
  await writeFile(
    join(out, 'latest.json'),
    JSON.stringify({ machine, contenders, rows, targets }, null, 2) + '\n',
  )
  const md = [
    `Run ${machine.date}${machine.quick ? ' (BENCH_QUICK=1)' : ''}. Cells: median (p95); the Gloss/peer column is the ratio of medians.`,
    '',
    formatMarkdown(table),
    '',
    '| target | Gloss | |',
    '| --- | --- | --- |',
    ...targets.map((t) => `| ${t.target} | ${t.value} | ${mark(t.met)} |`),
    '',
    'Notes:',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    `Machine: ${where}`,
    '',
    '```',
    String(machine.free),
    '```',
    '',
  ].join('\n')
  await writeFile(join(out, 'latest.md'), md)
  console.log(`\nWrote ${join('bench/results', 'latest.json')} and latest.md`)
  await rm(dir, { recursive: true, force: true })
}
