// Reading attribute CSV files as LibreOffice Calc saves them and as analysts
// type them: one edit that the corpus applies, or every problem by its row
// (the header is row 1) and nothing changed. The LibreOffice files are
// committed (fixtures/attributes/, made by
// scripts/make-attribute-csv-fixtures.mjs from the .fods beside them).
import { parse } from 'csv-parse/sync'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import {
  findIndexProblems,
  type ArticleEntry,
  type AttributeDef,
  type CorpusMeta,
} from '@shared/model/corpus'
import { applyCorpusEdit } from '@shared/model/corpus-edits'
import { ImportError } from './article'
import {
  MAX_ATTRIBUTES_CSV_BYTES,
  planAttributesCsv,
  readAttributesFile,
  type AttributesCsvPlan,
} from './attributes-csv'
import { parseCsvRecords } from './csv-records'

const NOW = '2025-06-01T12:00:00.000Z'
const FIXTURES = new URL('./fixtures/attributes/', import.meta.url).pathname

const WORDS: AttributeDef = { id: 'attr-words-aaaaaa', name: 'Words', type: 'number' }
const SECTION: AttributeDef = {
  id: 'attr-section-bbbbbb',
  name: 'Section',
  type: 'category',
  values: ['Économie', 'Politique', 'Sport'],
}
const REMARK: AttributeDef = { id: 'attr-remark-cccccc', name: 'Remark', type: 'text' }

const entry = (
  id: string,
  title: string,
  sourceFileName: string,
  attributes: Record<string, string> = {},
): ArticleEntry => ({
  id,
  title,
  sourceFileName,
  sha256: 'a'.repeat(64),
  chars: 10,
  addedAt: NOW,
  attributes,
  passageCount: 0,
})

/** The session the spreadsheets were made for (titles as first imported, some values set). */
function corpus(): CorpusMeta {
  return {
    codebook: [...DEFAULT_CODEBOOK],
    themeGroups: [],
    attributeDefs: [WORDS, SECTION, REMARK],
    articles: [
      entry('greve', 'greve', 'greve.txt', { author: 'A. Martin' }),
      entry('budget', 'budget', 'budget.md'),
      entry('coupe', 'Coupe du monde', 'coupe.txt', {
        outlet: 'L’Équipe',
        published: '2022-12-18',
      }),
      entry('twin-1', 'Éditorial', 'edito-1.txt'),
      entry('twin-2', 'Éditorial', 'edito-2.txt'),
    ],
  }
}

/** The corpus after applying the plan's edit (checked as main and the renderer check it). */
function applied(meta: CorpusMeta, plan: AttributesCsvPlan): CorpusMeta {
  expect(plan.problems).toEqual([])
  if (!plan.edit) throw new Error('expected an edit')
  const state = { id: 's', createdAt: NOW, updatedAt: NOW, meta, articles: new Map() }
  const after = applyCorpusEdit(state, null, plan.edit, NOW).meta
  expect(findIndexProblems(after)).toEqual([])
  return after
}

const byId = (meta: CorpusMeta) => Object.fromEntries(meta.articles.map((a) => [a.id, a]))
const problemsOf = (plan: AttributesCsvPlan) =>
  plan.problems.map((p) => [p.row, p.code, p.column ?? null, p.value ?? null])

/** What the analyst typed in good.fods, as Gloss stores it. */
const EXPECTED_GOOD = {
  greve: {
    title: 'Grève à la SNCF : « c’est fini »',
    attributes: {
      author: 'A. Martin',
      outlet: 'Le Monde',
      published: '2024-03-15',
      [WORDS.id]: '800',
      [SECTION.id]: 'Économie',
      [REMARK.id]: 'He said "no", then left',
    },
  },
  budget: {
    title: 'Budget 2025; the vote',
    attributes: {
      outlet: 'Libération',
      published: '2025-01-02',
      [WORDS.id]: '1234.5',
      // Typed "politique": the category's own spelling is stored.
      [SECTION.id]: 'Politique',
      // Two lines in one cell: one line of text.
      [REMARK.id]: 'first line second line',
    },
  },
  coupe: {
    // Empty cells clear outlet and published.
    title: 'Coupe du monde',
    attributes: { [WORDS.id]: '-3', [SECTION.id]: 'Sport', [REMARK.id]: '=1+1' },
  },
}

describe('attribute CSV files saved by LibreOffice Calc', () => {
  it.each(['libreoffice-utf8-comma.csv', 'libreoffice-utf8-semicolon-quoted.csv'])(
    '%s: keyed by file, renames by title, sets every column, clears empty cells',
    async (name) => {
      const meta = corpus()
      const plan = await readAttributesFile(join(FIXTURES, name), meta)
      expect(plan).toMatchObject({ key: 'file', rows: 3, changed: 3 })
      const after = byId(applied(meta, plan))
      for (const [id, want] of Object.entries(EXPECTED_GOOD)) {
        expect(after[id]!.title).toBe(want.title)
        expect(after[id]!.attributes).toEqual(want.attributes)
      }
      expect(after['twin-1']).toEqual(byId(meta)['twin-1'])
    },
  )

  it('reads the cells as csv-parse does (quotes, separators and line breaks inside cells)', async () => {
    for (const [name, delimiter] of [
      ['libreoffice-utf8-comma.csv', ','],
      ['libreoffice-utf8-semicolon-quoted.csv', ';'],
    ] as const) {
      const text = await readFile(join(FIXTURES, name), 'utf8')
      const theirs: string[][] = parse(text, { delimiter, relax_column_count: true })
      expect(parseCsvRecords(text, delimiter).map((r) => r.cells)).toEqual(theirs)
    }
  })

  it('refuses a file saved as Windows-1252, changing nothing', async () => {
    const plan = await readAttributesFile(join(FIXTURES, 'libreoffice-windows-1252.csv'), corpus())
    expect(plan.edit).toBeNull()
    expect(problemsOf(plan)).toEqual([[null, 'not-utf8', null, null]])
  })

  it('reports dates and numbers saved as shown in a locale, each with its row and column', async () => {
    const plan = await readAttributesFile(
      join(FIXTURES, 'libreoffice-locale-formats.csv'),
      corpus(),
    )
    expect(plan.edit).toBeNull()
    expect(problemsOf(plan)).toEqual([
      [2, 'date', 'published', '15/03/2024'],
      [2, 'number', 'Words', '1,234.5'],
      // A date cell without a date format: Calc saves its serial number.
      [3, 'date', 'published', '45659'],
    ])
  })
})

describe('planAttributesCsv', () => {
  it('reads what Gloss-style exports write: BOM, CRLF, formula-neutralized cells, a title key', () => {
    const meta = corpus()
    const plan = planAttributesCsv(
      "\uFEFFarticle_title,Words,Remark\r\nCoupe du monde,'-3,'=SUM(A1)\r\n",
      meta,
    )
    expect(plan).toMatchObject({ key: 'title', rows: 1, changed: 1 })
    expect(byId(applied(meta, plan)).coupe!.attributes).toMatchObject({
      [WORDS.id]: '-3',
      [REMARK.id]: '=SUM(A1)',
    })
  })

  it('finds titles and file names ignoring case, and file names given with a folder', () => {
    const meta = corpus()
    const byTitle = planAttributesCsv('Title;Outlet\nCOUPE DU MONDE;Ouest-France\n', meta)
    expect(byId(applied(meta, byTitle)).coupe!.attributes.outlet).toBe('Ouest-France')
    const byFile = planAttributesCsv(
      'file\tauthor\nC:\\corpus\\Budget.MD\tJ. Dupont\n/home/ana/greve.txt\tB. Roy\n',
      meta,
    )
    const after = byId(applied(meta, byFile))
    expect(after.budget!.attributes.author).toBe('J. Dupont')
    expect(after.greve!.attributes.author).toBe('B. Roy')
  })

  it('changes nothing and says so when the file holds the values the session has', () => {
    const plan = planAttributesCsv(
      'file,outlet,published\ncoupe.txt,L’Équipe,2022-12-18\n',
      corpus(),
    )
    expect(plan).toEqual({ key: 'file', rows: 1, edit: null, changed: 0, problems: [] })
  })

  it('lists every problem of every row, and plans no edit', () => {
    const plan = planAttributesCsv(
      [
        'title,published,Words,Section,author',
        'Coupe du monde,2024-02-30,12,Sport,x', // bad date
        'Éditorial,,,,', // two articles have this title
        'Nowhere,,,,', // no such article
        ',,,,x', // no title
        'budget,,1 200,Culture,', // bad number, value outside the category
        'coupe du monde,,,,', // the same article as row 2
        'greve,,,,,surplus', // more cells than columns
        'greve,,,,,', // an empty extra cell is fine, but the article is named again
      ].join('\n'),
      corpus(),
    )
    expect(plan.edit).toBeNull()
    expect(problemsOf(plan)).toEqual([
      [2, 'date', 'published', '2024-02-30'],
      [3, 'ambiguous-title', null, 'Éditorial'],
      [4, 'unknown-title', null, 'Nowhere'],
      [5, 'key-empty', 'title', null],
      [6, 'number', 'Words', '1 200'],
      [6, 'category', 'Section', 'Culture'],
      [7, 'same-article', null, 'coupe du monde'],
      [8, 'extra-cells', null, '6'],
      [9, 'same-article', null, 'greve'],
    ])
    expect(plan.problems.find((p) => p.code === 'ambiguous-title')!.count).toBe(2)
    expect(plan.problems.find((p) => p.code === 'same-article')!.otherRow).toBe(2)
  })

  it('reports the header: no key column, unknown and repeated columns, named by what the file says', () => {
    expect(problemsOf(planAttributesCsv('outlet,Tone\nLe Monde,x\n', corpus()))).toEqual([
      [1, 'no-key-column', null, null],
      [1, 'unknown-column', null, 'Tone'],
    ])
    expect(
      problemsOf(planAttributesCsv('file,Outlet,outlet ,section,SECTION\nx,,,,\n', corpus())),
    ).toEqual([
      [1, 'repeated-column', null, 'outlet'],
      [1, 'repeated-column', null, 'SECTION'],
    ])
  })

  it('reports an empty file, a header without rows and an unclosed quote', () => {
    expect(problemsOf(planAttributesCsv('\uFEFF\r\n \r\n', corpus()))).toEqual([
      [null, 'empty-file', null, null],
    ])
    expect(problemsOf(planAttributesCsv('file,outlet\r\n', corpus()))).toEqual([
      [null, 'no-rows', null, null],
    ])
    expect(problemsOf(planAttributesCsv('file,outlet\ngreve.txt,"Le Monde\n', corpus()))).toEqual([
      [2, 'unterminated-quote', null, null],
    ])
  })

  it('ignores columns without a name that hold nothing (trailing separators), reports those that hold values', () => {
    const meta = corpus()
    const plan = planAttributesCsv('file,language,,\ngreve.txt,fr,,\n', meta)
    expect(byId(applied(meta, plan)).greve!.attributes.language).toBe('fr')
    expect(
      problemsOf(planAttributesCsv('file,language,\ngreve.txt,fr,\nbudget.md,en,oops\n', meta)),
    ).toEqual([[3, 'unnamed-column', null, 'oops']])
  })

  it('refuses an empty title for an article found by its file', () => {
    expect(problemsOf(planAttributesCsv('file,title\ngreve.txt,  \n', corpus()))).toEqual([
      [2, 'title-empty', 'title', ''],
    ])
  })
})

describe('readAttributesFile', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gloss-attributes-csv-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('refuses a file over 10 MB without reading it', async () => {
    const big = join(dir, 'big.csv')
    await writeFile(big, 'file,outlet\n' + 'x'.repeat(MAX_ATTRIBUTES_CSV_BYTES))
    expect(problemsOf(await readAttributesFile(big, corpus()))).toEqual([
      [null, 'too-large', null, null],
    ])
  })

  it('throws ImportError, with the file’s name, for what cannot be read at all', async () => {
    const folder = join(dir, 'folder.csv')
    await mkdir(folder)
    await expect(readAttributesFile(folder, corpus())).rejects.toThrow(ImportError)
    await expect(readAttributesFile(join(dir, 'missing.csv'), corpus())).rejects.toThrow(
      /missing\.csv/,
    )
  })
})
