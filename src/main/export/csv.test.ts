import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { makePassage } from '@shared/model/edits'
import type { Passage, Session } from '@shared/model/schema'
import { sha256Hex } from '../store/session-file'
import {
  BOM,
  csvHeader,
  csvRecords,
  neutralizeFormula,
  recordsToCsv,
  sessionToCsv,
  sessionToCsvChunks,
} from './csv'

const T0 = '2025-03-01T08:00:00.000Z'
const T1 = '2025-03-02T09:30:00.000Z'

const HEADER = [
  'passage_id',
  'document_title',
  'document_sha256',
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'themes',
  'Growth',
  'Culture',
  'Secrecy',
  'Safety',
  'note',
  'coder',
  'created_at',
  'updated_at',
]
const col = (name: string) => HEADER.indexOf(name)

/** Characters a spreadsheet may read as the start of a formula. */
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']

function session(text: string, passages: Passage[], title = 'Un article'): Session {
  return {
    schemaVersion: 1,
    id: 's1',
    createdAt: T0,
    updatedAt: T1,
    document: { title, sourceFileName: 'a.txt', text, sha256: sha256Hex(text) },
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages,
    ui: { scrollTop: 0 },
  }
}

function passageAt(
  text: string,
  word: string,
  id: string,
  extra: Partial<Passage> = {},
  from = 0,
): Passage {
  const start = text.indexOf(word, from)
  if (start < 0) throw new Error(`no ${word}`)
  const p = makePassage(text, {
    id,
    start,
    end: start + word.length,
    themeIds: ['growth'],
    author: 'ana',
    now: T0,
  })
  return { ...p, ...extra }
}

function parseCsv(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false })
}

const TEXT = 'Openai est passé de 1 000 à 3 000 personnes. La culture du secret règne.'

/**
 * csv-stringify, with the options Gloss used before it wrote CSV by hand, is
 * the reference writer: the same bytes for any records.
 */
const reference = (records: readonly (readonly (string | number)[])[]) =>
  BOM +
  stringify(records as (string | number)[][], {
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    quoted_match: /[\r\n]/,
    eof: true,
  })

describe('sessionToCsv layout', () => {
  const s = session(TEXT, [
    passageAt(TEXT, 'culture du secret', 'p2', { themeIds: ['culture', 'secrecy'] }),
    passageAt(TEXT, 'Openai', 'p1', { themeIds: [] }),
  ])
  const csv = sessionToCsv(s)

  it('starts with a UTF-8 byte order mark', () => {
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.charCodeAt(1)).not.toBe(0xfeff)
  })

  it('separates every record with CRLF and never uses a bare LF or CR', () => {
    const body = csv.slice(1)
    expect(body.endsWith('\r\n')).toBe(true)
    expect(body.split('\r\n')).toHaveLength(4) // header, two rows, and the empty tail
    expect(body.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
  })

  it('has exactly the expected header for the default codebook', () => {
    expect(csvHeader(s)).toEqual(HEADER)
    expect(parseCsv(csv)[0]).toEqual(HEADER)
    expect(csv.slice(1).split('\r\n')[0]).toBe(HEADER.join(','))
  })

  it('has one row per passage, in document order, with the document columns', () => {
    const [, ...rows] = parseCsv(csv)
    expect(rows.map((r) => r[col('passage_id')])).toEqual(['p1', 'p2'])
    for (const r of rows) {
      expect(r).toHaveLength(HEADER.length)
      expect(r[col('document_title')]).toBe('Un article')
      expect(r[col('document_sha256')]).toBe(sha256Hex(TEXT))
      expect(r[col('coder')]).toBe('ana')
      expect(r[col('created_at')]).toBe(T0)
      expect(r[col('updated_at')]).toBe(T0)
    }
  })

  it('joins theme names with "; " and marks each theme 1 or 0', () => {
    const [, first, second] = parseCsv(csv)
    expect(first![col('themes')]).toBe('')
    expect(first!.slice(col('Growth'), col('Safety') + 1)).toEqual(['0', '0', '0', '0'])
    expect(second![col('themes')]).toBe('Culture; Secrecy')
    expect(second!.slice(col('Growth'), col('Safety') + 1)).toEqual(['0', '1', '1', '0'])
  })

  it('writes offsets and theme flags as bare numbers', () => {
    const start = TEXT.indexOf('culture du secret')
    const line = csv.slice(1).split('\r\n')[2]!
    expect(line).toContain(`,${start},${start + 17},culture du secret,`)
    expect(line).toContain(',Culture; Secrecy,0,1,1,0,')
  })

  it('exports an empty session as the header only', () => {
    const empty = sessionToCsv(session(TEXT, []))
    expect(empty).toBe(`${BOM}${HEADER.join(',')}\r\n`)
  })

  it('uses the names of a custom codebook as theme columns', () => {
    const custom = session(TEXT, [passageAt(TEXT, 'Openai', 'p1', { themeIds: ['b'] })])
    custom.codebook = [
      { id: 'a', name: 'Éthique', colour: '#000000', key: '1' },
      { id: 'b', name: 'Rythme, travail', colour: '#111111', key: '2' },
    ]
    const [header, row] = parseCsv(sessionToCsv(custom))
    expect(header!.slice(9, 11)).toEqual(['Éthique', 'Rythme, travail'])
    expect(row!.slice(8, 11)).toEqual(['Rythme, travail', '0', '1'])
  })
})

describe('sessionToCsv offsets', () => {
  it('gives code point offsets, so an emoji before a passage shifts them from UTF-16', () => {
    const text = '👩‍💻 et 😀 : la culture évolue.'
    const p = passageAt(text, 'culture', 'p1')
    const [, row] = parseCsv(sessionToCsv(session(text, [p])))
    const start = Number(row![col('start')])
    const end = Number(row![col('end')])
    expect(p.start - start).toBe(3) // three astral characters before the passage
    expect(end - start).toBe(7)
    expect([...text].slice(start, end).join('')).toBe('culture')
    expect(row![col('quote')]).toBe('culture')
  })

  it('counts an emoji inside the quote as one code point', () => {
    const text = 'Avant 😀😀 après'
    const p = passageAt(text, '😀😀 après', 'p1')
    const [, row] = parseCsv(sessionToCsv(session(text, [p])))
    expect([Number(row![col('start')]), Number(row![col('end')])]).toEqual([6, 14])
  })

  it('writes no half emoji in the context cells when 32 characters would cut one', () => {
    const text = `😀${'a'.repeat(31)}mot${'b'.repeat(31)}😀`
    const csv = sessionToCsv(session(text, [passageAt(text, 'mot', 'p1')]))
    const [, row] = parseCsv(csv)
    expect(row![col('prefix')]).toBe('a'.repeat(31))
    expect(row![col('suffix')]).toBe('b'.repeat(31))
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toBe(csv)
  })
})

describe('sessionToCsv quoting', () => {
  const notes = {
    lf: 'ligne 1\nligne 2',
    crlf: 'ligne 1\r\nligne 2',
    cr: 'ligne 1\rligne 2',
    comma: 'un, deux, trois',
    quotes: 'il a dit "drame" puis ""rien""',
    mixed: 'a,"b"\r\nc\rd\ne',
    trailing: 'fin\n',
  }

  it('keeps notes with LF, CRLF, lone CR, commas and quotes intact through csv-parse', () => {
    const entries = Object.entries(notes)
    const text = entries.map(([k]) => `mot${k}`).join(' ')
    const ps = entries.map(([k, note]) => passageAt(text, `mot${k}`, k, { note }))
    const [, ...rows] = parseCsv(sessionToCsv(session(text, ps)))
    expect(rows).toHaveLength(entries.length)
    for (const [i, [, note]] of entries.entries()) expect(rows[i]![col('note')]).toBe(note)
  })

  it('quotes a field containing a lone LF even though records end with CRLF', () => {
    const text = 'un mot'
    const csv = sessionToCsv(session(text, [passageAt(text, 'mot', 'p1', { note: 'a\nb' })]))
    expect(csv).toContain(',"a\nb",')
    expect(parseCsv(csv)[1]![col('note')]).toBe('a\nb')
  })

  it('quotes a field containing a lone CR', () => {
    const text = 'un mot'
    const csv = sessionToCsv(session(text, [passageAt(text, 'mot', 'p1', { note: 'a\rb' })]))
    expect(csv).toContain(',"a\rb",')
  })

  it('quotes a quote that spans lines of the article', () => {
    const text = 'Premier paragraphe.\n\nSecond paragraphe.'
    const p = passageAt(text, 'paragraphe.\n\nSecond', 'p1')
    const csv = sessionToCsv(session(text, [p]))
    expect(csv).toContain(',"paragraphe.\n\nSecond",')
    expect(parseCsv(csv)[1]![col('quote')]).toBe('paragraphe.\n\nSecond')
  })
})

describe('formula neutralization', () => {
  it.each(TRIGGERS)('prefixes a cell starting with %j with an apostrophe', (trigger) => {
    expect(neutralizeFormula(`${trigger}SUM(A1)`)).toBe(`'${trigger}SUM(A1)`)
  })

  it('leaves harmless cells alone, including triggers that are not first', () => {
    for (const cell of ['', 'Bonjour', 'a=b', ' =1', "'=1", '3,2 milliards', 'é=mc²'])
      expect(neutralizeFormula(cell)).toBe(cell)
  })

  it('neutralizes notes, quotes, context, titles, authors and ids in the export', () => {
    const text = '-tiret =égal +plus @arobase'
    const s = session(
      text,
      [
        passageAt(text, '-tiret', '-p1', { note: '=HYPERLINK("http://x")', author: '@ana' }),
        passageAt(text, '=égal', 'p2', { note: '＝1+1' }),
        passageAt(text, 'plus', 'p3', { note: '\tcmd' }),
      ],
      '+Titre',
    )
    const [, r1, r2, r3] = parseCsv(sessionToCsv(s))
    expect(r1![col('passage_id')]).toBe("'-p1")
    expect(r1![col('document_title')]).toBe("'+Titre")
    expect(r1![col('quote')]).toBe("'-tiret")
    expect(r1![col('suffix')]).toBe(' =égal +plus @arobase')
    expect(r1![col('note')]).toBe('\'=HYPERLINK("http://x")')
    expect(r1![col('coder')]).toBe("'@ana")
    expect(r2![col('quote')]).toBe("'=égal")
    expect(r2![col('note')]).toBe("'＝1+1")
    expect(r3![col('prefix')]).toBe("'-tiret =égal +")
    expect(r3![col('note')]).toBe("'\tcmd")
  })

  it('neutralizes a theme name used as a column header and in the themes column', () => {
    const text = 'un mot'
    const s = session(text, [passageAt(text, 'mot', 'p1', { themeIds: ['x'] })])
    s.codebook = [{ id: 'x', name: '=Risque', colour: '#000000', key: '1' }]
    const [header, row] = parseCsv(sessionToCsv(s))
    expect(header![9]).toBe("'=Risque")
    expect(row![8]).toBe("'=Risque")
    expect(row![9]).toBe('1')
  })

  it('keeps numbers as numbers: offsets and flags are never prefixed or quoted', () => {
    const text = '-1 et +2'
    const csv = sessionToCsv(session(text, [passageAt(text, '+2', 'p1')]))
    const line = csv.slice(1).split('\r\n')[1]!
    expect(line).toContain(",6,8,'+2,'-1 et ,,Growth,1,0,0,0,,ana,")
  })
})

describe('sessionToCsv properties', () => {
  const triggerOrText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc
      .tuple(fc.constantFrom(...TRIGGERS), fc.string({ unit: 'binary', maxLength: 20 }))
      .map(([t, s]) => t + s),
    fc.string({
      unit: fc.constantFrom('\r', '\n', '\r\n', '"', ',', ';', ' ', 'a', 'é', '😀', '=', '\t'),
      maxLength: 20,
    }),
  )

  /** A session whose passages quote the given strings and carry the given notes. */
  function sessionWith(items: { quote: string; note: string }[]): Session {
    let text = ''
    const ranges: [number, number][] = []
    for (const { quote } of items) {
      text += '| '
      ranges.push([text.length, text.length + quote.length])
      text += `${quote} `
    }
    text += '|'
    const passages = items.map(({ note }, i) => ({
      ...makePassage(text, {
        id: `p${String(i).padStart(3, '0')}`,
        start: ranges[i]![0],
        end: ranges[i]![1],
        themeIds: i % 2 ? ['growth', 'safety'] : [],
        author: 'ana',
        now: T0,
      }),
      note,
    }))
    return session(text, passages)
  }

  const items = fc.array(
    fc.record({
      quote: triggerOrText.filter((q) => q.length > 0),
      note: triggerOrText,
    }),
    { minLength: 1, maxLength: 8 },
  )

  it('writes, in chunks, exactly the bytes the reference writer makes of csvRecords', () => {
    fc.assert(
      fc.property(items, fc.boolean(), (xs, shuffled) => {
        const s = sessionWith(xs)
        // Passages out of document order (a hand-edited file) are sorted too.
        if (shuffled) s.passages.reverse()
        const expected = reference(csvRecords(s))
        expect(sessionToCsv(s)).toBe(expected)
      }),
      { numRuns: 500 },
    )
    // More rows than one chunk holds.
    const many = sessionWith(Array.from({ length: 2500 }, (_, i) => ({ quote: `q${i}`, note: '' })))
    const chunks = [...sessionToCsvChunks(many)]
    expect(chunks.length).toBeGreaterThan(3)
    expect(chunks.join('')).toBe(reference(csvRecords(many)))
  })

  it('round-trips notes and quotes through csv-parse, neutralized when they start with a trigger', () => {
    fc.assert(
      fc.property(items, (xs) => {
        const s = sessionWith(xs)
        const [header, ...rows] = parseCsv(sessionToCsv(s))
        expect(header).toEqual(HEADER)
        expect(rows).toHaveLength(xs.length)
        for (const [i, x] of xs.entries()) {
          const row = rows[i]!
          expect(row).toHaveLength(HEADER.length)
          expect(row[col('note')]).toBe(neutralizeFormula(x.note))
          expect([x.note, `'${x.note}`]).toContain(row[col('note')])
          expect(row[col('quote')]).toBe(neutralizeFormula(x.quote))
          const start = Number(row[col('start')])
          const end = Number(row[col('end')])
          expect([...s.document.text].slice(start, end).join('')).toBe(x.quote)
          expect(
            s.document.text
              .slice(0, s.passages[i]!.start)
              .endsWith(row[col('prefix')]!.replace(/^'/, '')),
          ).toBe(true)
          // No half emoji: every cell survives encoding to UTF-8 unchanged.
          for (const cell of row) expect(Buffer.from(cell, 'utf8').toString('utf8')).toBe(cell)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('never lets a parsed cell start with a formula trigger', () => {
    fc.assert(
      fc.property(items, fc.string({ unit: 'binary', maxLength: 10 }), (xs, author) => {
        const s = sessionWith(xs)
        s.passages = s.passages.map((p) => ({ ...p, author }))
        s.document.title = xs[0]!.note
        for (const row of parseCsv(sessionToCsv(s)))
          for (const cell of row) expect(TRIGGERS).not.toContain(cell.charAt(0))
      }),
      { numRuns: 300 },
    )
  })
})

describe('recordsToCsv', () => {
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\r', '\n', ' ', ';', '😀', "'", '=') }),
    fc.string({ unit: 'grapheme' }),
    fc.integer({ min: 0, max: 10_000_000 }),
  )

  it('writes the same bytes as a reference CSV library, and parses back to the records', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 }),
        (records) => {
          const csv = recordsToCsv(records)
          expect(csv).toBe(reference(records))
          const parsed = parse(csv.slice(1), { relax_column_count: true })
          expect(parsed).toEqual(records.map((r) => r.map(String)))
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('is a lone BOM for no records', () => {
    expect(recordsToCsv([])).toBe(BOM)
  })
})
