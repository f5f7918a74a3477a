// The agreement units CSV of a small corpus of three coders, written as a
// real session folder and loaded back through the store: Python's csv
// module and pandas read the file; every column, a few rows worked out by
// hand, and figures recomputed in Python from the file alone (the share of
// 1s per theme; each coder's spans of each continuum, as αu needs them)
// must match what buildUnits gave.
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildUnits,
  type AgreementArticle,
  type NominalUnits,
  type SpanUnits,
  type UnitsRequest,
} from '@shared/agreement/units'
import type { ArticleData, ArticleEntry } from '@shared/model/corpus'
import type { CorpusState } from '@shared/model/corpus-edits'
import { makePassage } from '@shared/model/edits'
import type { Passage } from '@shared/model/schema'
import { writeCorpus } from '../../../test-support/write-corpus'
import { loadCorpusFolder } from '../store/corpus-folder'
import { sha256Hex } from '../store/hash'
import { PYTHON, readWithPandas, readWithPythonCsv } from '../test-support/csv-readers'
import { THEMES } from '../test-support/hostile-corpus'
import {
  AGREEMENT_UNITS_HEADER,
  agreementUnitsCsv,
  agreementUnitsCsvChunks,
  agreementUnitsRowCount,
} from './agreement-units-csv'

const T0 = '2026-02-01T09:00:00.000Z'
// A formula-like coder name, and one with a comma, quotes and an accent.
const CODERS = ['ana', '=ben', 'cléo, "la"']
const [ANA, BEN, CLEO] = CODERS as [string, string, string]
// Économie, =Risque, Santé 😷, "publique".
const THEME_IDS = THEMES.map((t) => t.id)

// Paragraphs in code points: [0,17) and [18,62) (an emoji before the first
// passage, a ZWJ emoji inside =ben's).
const TEXT_1 = 'Le 😀 maire parle.\nLa croissance 👩‍💻 ralentit. Le risque monte.'
const TEXT_2 = 'Prices rose. Wages fell.'
const TEXT_3 = 'Rien à signaler.'
const TEXT_4 = 'Vide.'

/** Who coded each article: everybody, ana and =ben, cléo alone, nobody. */
const CODED: Record<string, string[]> = {
  a1: CODERS,
  a2: [ANA, BEN],
  '-a3': [CLEO],
  a4: [],
}

function on(text: string, quote: string, author: string, themeIds: string[], n: number): Passage {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`no ${quote}`)
  return makePassage(text, {
    id: `p${n}`,
    start,
    end: start + quote.length,
    themeIds,
    author,
    now: T0,
  })
}

function corpus(): CorpusState {
  const specs: [string, string, string, Passage[]][] = [
    [
      'a1',
      'fr',
      TEXT_1,
      [
        on(TEXT_1, 'maire parle', ANA, ['t-eco'], 1),
        on(TEXT_1, 'maire', CLEO, ['t-eco'], 2),
        on(TEXT_1, 'croissance 👩‍💻 ralentit', BEN, ['t-eco', 't-risk'], 3),
        on(TEXT_1, 'Le risque monte', CLEO, ['t-risk'], 4),
        on(TEXT_1, 'risque', ANA, ['t-sante'], 5),
      ],
    ],
    [
      'a2',
      'en',
      TEXT_2,
      [
        on(TEXT_2, 'Prices', ANA, ['t-eco'], 6),
        on(TEXT_2, 'rose', CLEO, ['t-eco'], 7),
        on(TEXT_2, 'Wages fell', BEN, ['t-eco'], 8),
      ],
    ],
    ['-a3', 'fr', TEXT_3, []],
    ['a4', '', TEXT_4, [on(TEXT_4, 'Vide', ANA, ['t-eco'], 9)]],
  ]
  const entries = specs.map(([id, language, text, passages]): ArticleEntry => ({
    id,
    title: `Article ${id}`,
    sourceFileName: `${id}.txt`,
    sha256: sha256Hex(text),
    chars: text.length,
    addedAt: T0,
    attributes: language ? { language } : {},
    passageCount: passages.length,
  }))
  const articles = new Map<string, ArticleData>(
    specs.map(([id, , text, passages]) => [
      id,
      { id, text, passages, ui: { scrollTop: 0 }, updatedAt: T0 },
    ]),
  )
  return {
    id: 'agreement-session',
    createdAt: T0,
    updatedAt: T0,
    meta: { codebook: THEMES, themeGroups: [], attributeDefs: [], articles: entries },
    articles,
  }
}

let dir: string
let articles: AgreementArticle[]
let paragraphs: NominalUnits
let characters: SpanUnits
const files = { paragraphs: '', characters: '' }

function request(): UnitsRequest {
  return {
    unit: 'paragraph',
    articles,
    coders: CODERS,
    themeIds: THEME_IDS,
    coded: (articleId, coder) => CODED[articleId]!.includes(coder),
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-agreement-csv-'))
  const folder = join(dir, 'corpus.gloss')
  await writeCorpus(folder, corpus())
  const { state } = await loadCorpusFolder(folder)
  articles = state.meta.articles.map((entry) => {
    const article = state.articles.get(entry.id)!
    return {
      id: entry.id,
      text: article.text,
      language: entry.attributes.language ?? '',
      passages: article.passages,
    }
  })
  paragraphs = buildUnits({ ...request(), unit: 'paragraph' })
  characters = buildUnits({ ...request(), unit: 'characters' })
  const input = { themes: state.meta.codebook, articles }
  files.paragraphs = join(dir, 'paragraphs.csv')
  files.characters = join(dir, 'characters.csv')
  await writeFile(files.paragraphs, agreementUnitsCsv(paragraphs, input))
  await writeFile(files.characters, agreementUnitsCsv(characters, input))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Runs a Python script on a file and parses the JSON it prints. */
function python(script: string, path: string): unknown {
  const r = spawnSync(PYTHON, ['-c', script, path], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
  })
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`)
  return JSON.parse(r.stdout)
}

const SANTE = 'Santé 😷, "publique"'

describe('agreement units CSV, paragraphs', () => {
  it('has the eight columns, and one row per unit × theme × coder', () => {
    for (const read of [readWithPythonCsv, readWithPandas]) {
      const back = read(files.paragraphs)
      expect(back.header).toEqual([...AGREEMENT_UNITS_HEADER])
      // a4 (nobody coded it) is left out: 4 paragraphs × 3 themes × 3 coders.
      expect(back.rows).toHaveLength(36)
      expect(agreementUnitsRowCount(paragraphs)).toBe(36)
    }
    expect(readWithPandas(files.paragraphs).numeric).toEqual([
      'unit_id',
      'unit_start',
      'unit_end',
      'value',
    ])
  })

  it('writes the rows worked out by hand: code points, names, missing as empty', () => {
    const { rows } = readWithPythonCsv(files.paragraphs)
    const row = (unit: number, theme: number, coder: number) => rows[(unit * 3 + theme) * 3 + coder]
    expect(rows[0]).toEqual(['1', 'a1', 'paragraph', '0', '17', 'Économie', 'ana', '1'])
    expect(row(1, 0, 1)).toEqual(['2', 'a1', 'paragraph', '18', '62', 'Économie', "'=ben", '1'])
    expect(row(1, 2, 0)).toEqual(['2', 'a1', 'paragraph', '18', '62', SANTE, 'ana', '1'])
    // cléo did not code a2: empty, not 0.
    expect(row(2, 0, 2)).toEqual(['3', 'a2', 'paragraph', '0', '24', 'Économie', 'cléo, "la"', ''])
    expect(row(3, 1, 2)).toEqual([
      '4',
      "'-a3",
      'paragraph',
      '0',
      '16',
      "'=Risque",
      'cléo, "la"',
      '0',
    ])
    expect(row(3, 1, 0)!.at(-1)).toBe('')
    // Every value per theme and coder, unit by unit.
    const values = (theme: number, coder: number) =>
      [0, 1, 2, 3].map((unit) => row(unit, theme, coder)![7])
    expect([0, 1, 2].map((c) => values(0, c))).toEqual([
      ['1', '0', '1', ''],
      ['0', '1', '1', ''],
      ['1', '0', '', '0'],
    ])
    expect([0, 1, 2].map((c) => values(1, c))).toEqual([
      ['0', '0', '0', ''],
      ['0', '1', '0', ''],
      ['0', '1', '', '0'],
    ])
    expect([0, 1, 2].map((c) => values(2, c))).toEqual([
      ['0', '1', '0', ''],
      ['0', '0', '0', ''],
      ['0', '0', '', '0'],
    ])
  })

  it('gives, recomputed in pandas, the share of 1s per theme that buildUnits gives', () => {
    const fromPython = python(
      `
import json, sys
import pandas as pd
d = pd.read_csv(sys.argv[1], encoding="utf-8-sig", dtype={"value": "Int64"})
coded = d[d["value"].notna()]
print(json.dumps({t: [int((g["value"] == 1).sum()), int(len(g))] for t, g in coded.groupby("theme")}))
`,
      files.paragraphs,
    )
    const fromUnits: Record<string, [number, number]> = {}
    for (const [id, rows] of paragraphs.values) {
      const name = THEMES.find((t) => t.id === id)!.name.replace(/^=/, "'=")
      let ones = 0
      let coded = 0
      for (const row of rows)
        for (const v of row) {
          if (v >= 0) coded++
          if (v === 1) ones++
        }
      fromUnits[name] = [ones, coded]
    }
    expect(fromUnits).toEqual({ Économie: [5, 9], "'=Risque": [2, 9], [SANTE]: [1, 9] })
    expect(fromPython).toEqual(fromUnits)
  })

  it('is made in chunks, telling how many rows are written', () => {
    const reports: number[] = []
    const input = { themes: THEMES, articles }
    const chunks = [...agreementUnitsCsvChunks(paragraphs, input, (n) => reports.push(n))]
    expect(chunks[0]).toBe(`\uFEFF${AGREEMENT_UNITS_HEADER.join(',')}\r\n`)
    expect(chunks.join('')).toBe(agreementUnitsCsv(paragraphs, input))
    expect(reports).toEqual([36])
  })
})

describe('agreement units CSV, characters', () => {
  it('lists the segments of each continuum, worked out by hand', () => {
    const { header, rows } = readWithPythonCsv(files.characters)
    expect(header).toEqual([...AGREEMENT_UNITS_HEADER])
    expect(rows).toHaveLength(agreementUnitsRowCount(characters))
    // a1, Économie: ana on "maire parle" [5,16), cléo on "maire" [5,10), =ben on [21,44).
    const ecoA1 = rows.filter((r) => r[1] === 'a1' && r[5] === 'Économie')
    expect(ecoA1.map((r) => [r[0], r[3], r[4], r[6], r[7]])).toEqual(
      [
        ['0', '5', '0', '0', '0'],
        ['5', '10', '1', '0', '1'],
        ['10', '16', '1', '0', '0'],
        ['16', '21', '0', '0', '0'],
        ['21', '44', '0', '1', '0'],
        ['44', '62', '0', '0', '0'],
      ].flatMap(([start, end, ...values], k) =>
        CODERS.map((coder, c) => [String(k + 1), start, end, coder.replace(/^=/, "'="), values[c]]),
      ),
    )
    expect(ecoA1.every((r) => r[2] === 'characters')).toBe(true)
    // a2, Économie: cléo did not code it, her values are empty.
    const ecoA2 = rows.filter((r) => r[1] === 'a2' && r[5] === 'Économie')
    expect(ecoA2.map((r) => `${r[3]}-${r[4]}:${r[7] || '∅'}`)).toEqual(
      ['0-6:1,0,∅', '6-13:0,0,∅', '13-23:0,1,∅', '23-24:0,0,∅'].flatMap((s) => {
        const [range, values] = s.split(':') as [string, string]
        return values.split(',').map((v) => `${range}:${v}`)
      }),
    )
  })

  it('gives back, read in Python, every continuum buildUnits made', () => {
    // From the file alone: per article and theme, the length and each
    // coder's spans (maximal runs of 1s); a coder with empty values is absent.
    const fromPython = python(
      `
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
out = {}
for r in rows:
    c = out.setdefault(r["article_id"] + "|" + r["theme"], {"length": 0, "coders": {}})
    c["length"] = int(r["unit_end"])
    if r["value"] == "":
        continue
    spans = c["coders"].setdefault(r["coder"], [])
    if r["value"] == "1":
        start, end = int(r["unit_start"]), int(r["unit_end"])
        if spans and spans[-1][1] == start:
            spans[-1][1] = end
        else:
            spans.append([start, end])
print(json.dumps(out))
`,
      files.characters,
    )
    const fromUnits: Record<string, { length: number; coders: Record<string, number[][]> }> = {}
    for (const [id, continua] of characters.themes) {
      const name = THEMES.find((t) => t.id === id)!.name.replace(/^=/, "'=")
      for (const c of continua) {
        const coders: Record<string, number[][]> = {}
        c.present.forEach((global, local) => {
          coders[CODERS[global]!.replace(/^=/, "'=")] = c.spans
            .filter((s) => s.coder === local)
            .map((s) => [s.start, s.end])
        })
        fromUnits[`${c.articleId.replace(/^-/, "'-")}|${name}`] = { length: c.length, coders }
      }
    }
    expect(Object.keys(fromUnits)).toHaveLength(9)
    expect(fromUnits['a1|Économie']).toEqual({
      length: 62,
      coders: { ana: [[5, 16]], "'=ben": [[21, 44]], 'cléo, "la"': [[5, 10]] },
    })
    expect(fromPython).toEqual(fromUnits)
  })
})
