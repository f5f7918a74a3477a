// The agreement handlers on real session folders opened with openSession:
// the study worked out by hand (test-support/agreement-corpus.ts), its
// progress and Cancel, a request refused with a message, the two CSVs read
// back by Python's csv module and pandas, and Krippendorff's alpha of every
// theme recomputed by nltk from the units CSV alone (a seeded study of three
// coders with missing data), equal to the view's to 1e-9.
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AgreementProgress } from '@shared/api'
import type { AgreementReport } from '@shared/agreement/report'
import type { CorpusState } from '@shared/model/corpus-edits'
import {
  AGREEMENT_EXPECTED,
  AGREEMENT_THEMES,
  agreementCorpus,
  agreementStudy,
} from '../../../test-support/agreement-corpus'
import { writeCorpus } from '../../../test-support/write-corpus'
import { checkedCalls } from '../checked-calls'
import { AGREEMENT_TABLE_HEADER } from '../export/agreement-table-csv'
import { AGREEMENT_UNITS_HEADER } from '../export/agreement-units-csv'
import { createHandlers, type Handlers } from '../handlers'
import { PYTHON, readWithPandas, readWithPythonCsv } from '../test-support/csv-readers'
import { FakeDialogs } from '../test-support/fake-dialogs'
import { codeOf, errorOf, value } from '../test-support/results'

const SAMPLE = new URL('../../../resources/sample-article-fr.txt', import.meta.url).pathname

let dir: string
let dialogs: FakeDialogs
let handlers: Handlers
let progress: AgreementProgress[]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-agreement-'))
  dialogs = new FakeDialogs()
  progress = []
  await mkdir(join(dir, 'data'))
  handlers = createHandlers({
    dataDir: join(dir, 'data'),
    dialogs,
    samplePath: SAMPLE,
    author: 'tester',
    onAgreementProgress: (p) => progress.push(p),
  })
})

afterEach(async () => {
  await handlers.shutdown()
  await rm(dir, { recursive: true, force: true })
})

async function open(state: CorpusState, name = 'Étude'): Promise<string> {
  dialogs.answer(await writeCorpus(join(dir, `${name}.gloss`), state))
  return value(await handlers.openSession())!.session.id
}

const PARAGRAPHS = { unit: 'paragraph' as const, coders: ['ana', 'ben'] }

describe('agreement', () => {
  it('gives the figures worked out by hand, with progress', async () => {
    const id = await open(agreementCorpus())
    const report = value(await handlers.agreement(id, PARAGRAPHS))!
    const [eco, edu, unused] = report.themes
    expect(report.themeIds).toEqual(['t-eco', 't-edu', 't-unused'])
    expect(eco!.percent!.value).toBeCloseTo(AGREEMENT_EXPECTED.eco.percent, 12)
    expect(eco!.fleiss!.value).toBeCloseTo(AGREEMENT_EXPECTED.eco.kappa, 12)
    expect(eco!.cohen[0]!.kappa.value).toBeCloseTo(AGREEMENT_EXPECTED.eco.kappa, 12)
    expect(eco!.alpha!.value).toBeCloseTo(AGREEMENT_EXPECTED.eco.alpha, 12)
    expect(edu!.alpha!.value).toBe(1)
    expect(unused!.alpha).toMatchObject({ value: null, undefinedBecause: 'no-variation' })
    expect(report.overall.alpha!.value).toBeCloseTo(AGREEMENT_EXPECTED.overall.alpha, 12)
    expect(eco!.disagreements.total).toBe(2)
    expect(progress.at(-1)).toEqual({ sessionId: id, stage: 'themes', done: 3, total: 3 })
    expect(progress.some((p) => p.stage === 'units')).toBe(true)
  })

  it('refuses one coder with a message, and arguments the table’s schema refuses', async () => {
    const id = await open(agreementCorpus())
    expect(errorOf(await handlers.agreement(id, { unit: 'paragraph', coders: ['ana'] }))).toEqual({
      code: 'invalid-argument',
      key: 'main.agreement.twoCoders',
    })
    const checked = checkedCalls(handlers)
    expect(codeOf(await checked.agreement(id, { unit: 'word', coders: ['ana', 'ben'] }))).toBe(
      'invalid-argument',
    )
    expect(codeOf(await checked.agreement(id, { unit: 'article', coders: [' ana', 'ben'] }))).toBe(
      'invalid-argument',
    )
  })

  it('answers null to a computation cancelled, or replaced by a newer one', async () => {
    const id = await open(agreementStudy(3))
    const first = handlers.agreement(id, { unit: 'sentence', coders: ['ana', 'ben', 'cleo'] })
    const second = handlers.agreement(id, { unit: 'paragraph', coders: ['ana', 'ben'] })
    expect(value(await first)).toBeNull()
    expect(value(await second)).not.toBeNull()
    const third = handlers.agreement(id, { unit: 'characters', coders: ['ana', 'ben'] })
    value(await handlers.cancelAgreement(id))
    expect(value(await third)).toBeNull()
  })
})

describe('agreement exports', () => {
  it('writes the agreement table CSV, read back by Python’s csv module and pandas', async () => {
    const id = await open(agreementCorpus(), 'Étude pilote')
    const target = join(dir, 'table.csv')
    dialogs.answer(target)
    const receipt = value(await handlers.exportAgreementCsv(id, PARAGRAPHS))
    // Per theme: percent, Fleiss, alpha, one Cohen pair; then all themes.
    expect(receipt).toEqual({ filePath: target, rows: 16 })
    expect(dialogs.asked.at(-1)).toMatchObject({
      title: 'Export agreement table as CSV',
      defaultFileName: 'étude-pilote-agreement.csv',
    })
    for (const read of [readWithPythonCsv, readWithPandas]) {
      const { header, rows } = read(target)
      expect(header).toEqual([...AGREEMENT_TABLE_HEADER])
      const row = (theme: string, coefficient: string) =>
        rows.find((r) => r[0] === theme && r[1] === coefficient)!
      const alpha = row('Économie', 'krippendorff_alpha')
      expect(Number(alpha[4])).toBeCloseTo(AGREEMENT_EXPECTED.eco.alpha, 12)
      expect(alpha.slice(5)).toEqual(['6', '0', 'not reliable', 'nominal'])
      expect(row('Économie', 'cohen_kappa').slice(2, 4)).toEqual(['ana', 'ben'])
      expect(row('Sport', 'fleiss_kappa').slice(4)).toEqual([
        '',
        '6',
        '0',
        '',
        'not defined: no variation',
      ])
      const all = row('All themes', 'krippendorff_alpha')
      expect(Number(all[4])).toBe(0.6875)
      expect(all[7]).toBe('tentative')
      expect(row('All themes', 'percent_agreement')[8]).toBe(
        'not chance-corrected; all themes pooled as one binary variable',
      )
    }
    expect(readWithPandas(target).numeric).toEqual(['value', 'n_units', 'n_excluded'])
  })

  it('writes the agreement units CSV of the request', async () => {
    const id = await open(agreementCorpus())
    const target = join(dir, 'units.csv')
    dialogs.answer(target)
    // 6 paragraphs × 3 themes × 2 coders.
    expect(value(await handlers.exportAgreementUnitsCsv(id, PARAGRAPHS))).toEqual({
      filePath: target,
      rows: 36,
    })
    const { header, rows } = readWithPythonCsv(target)
    expect(header).toEqual([...AGREEMENT_UNITS_HEADER])
    expect(rows[2]).toEqual(['1', 'one', 'paragraph', '0', '31', 'Éducation', 'ana', '0'])
  })

  it('gives nltk, from the units CSV alone, the view’s alpha of every theme to 1e-9', async () => {
    if (nltkMissing) {
      console.warn(`Skipping the nltk check of the agreement units CSV: ${nltkMissing}`)
      return
    }
    const id = await open(agreementStudy(7))
    const coders = ['ana', 'ben', 'cleo']
    for (const unit of ['paragraph', 'sentence', 'article'] as const) {
      const report: AgreementReport = value(await handlers.agreement(id, { unit, coders }))!
      const target = join(dir, `units-${unit}.csv`)
      dialogs.answer(target)
      value(await handlers.exportAgreementUnitsCsv(id, { unit, coders }))
      const fromNltk = nltkAlphas(target)
      let compared = 0
      for (const theme of report.themes) {
        const name = AGREEMENT_THEMES.find((t) => t.id === theme.themeId)!.name
        const ours = theme.alpha!.value
        if (ours === null) continue
        expect(fromNltk[name], `${unit} ${name}`).toBeDefined()
        expect(Math.abs(ours - fromNltk[name]!), `${unit} ${name}`).toBeLessThan(1e-9)
        compared++
      }
      expect(compared, unit).toBeGreaterThanOrEqual(2)
    }
  })
})

function pythonWithNltk(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import nltk, pandas'], { encoding: 'utf8' })
  if (probe.error) return `${PYTHON} could not run (${probe.error.message})`
  if (probe.status !== 0) return `${PYTHON} lacks nltk or pandas (Debian: python3-nltk)`
  return null
}
const nltkMissing = pythonWithNltk()

/** Krippendorff's alpha (nominal) per theme name, by nltk, from the units CSV's rows. */
function nltkAlphas(path: string): Record<string, number> {
  const script = `
import json, sys
import pandas as pd
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance
d = pd.read_csv(sys.argv[1], encoding="utf-8-sig", dtype={"value": "Int64", "coder": str})
d = d[d["value"].notna()]
out = {}
for theme, g in d.groupby("theme"):
    task = AnnotationTask([(r.coder, r.unit_id, int(r.value)) for r in g.itertuples()], distance=binary_distance)
    try:
        out[theme] = float(task.alpha())
    except ZeroDivisionError:
        pass
print(json.dumps(out))
`
  const r = spawnSync(PYTHON, ['-c', script, path], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
  })
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`)
  return JSON.parse(r.stdout) as Record<string, number>
}
