// A table's rows as articles: the custom columns become the session's
// attributes while it has room for them (MAX_ATTRIBUTES), and the columns
// left out for want of room are named in the import's notes.
import { describe, expect, it } from 'vitest'
import { MAX_ATTRIBUTES } from '@shared/model/attributes'
import type { AttributeDef } from '@shared/model/corpus'
import { englishText, type MessageRef } from '@shared/main-messages'
import type { ReadTable } from './formats'
import { tableArticles } from './table-articles'

/** The session's attributes: `count` text attributes named `attribut N`. */
const defs = (count: number): AttributeDef[] =>
  Array.from({ length: count }, (_, i) => ({ id: `attr${i}`, name: `attribut ${i}`, type: 'text' }))

/** A table with a text column and these custom columns, two rows with a value in each. */
function table(custom: string[]): ReadTable {
  return {
    columns: ['Texte', ...custom],
    rows: [
      ['Le premier article.', ...custom.map((c) => `${c} 1`)],
      ['Le second article.', ...custom.map((c) => `${c} 2`)],
    ],
  }
}

const read = (custom: string[], existing: AttributeDef[]) =>
  tableArticles(
    table(custom),
    { columns: { text: 0 }, custom: custom.map((_, i) => i + 1) },
    'articles.csv',
    { format: 'csv', bytes: 100 },
    existing,
  )

describe('the columns of a table kept as attributes', () => {
  it('names the columns left out when the session has no room for them, and keeps the others', async () => {
    // Two places left; "attribut 5" is an attribute the session already has.
    const r = await read(['Rubrique', 'attribut 5', 'Pays', 'Langue du site', 'Pigiste'], defs(198))
    expect(r.attributeDefs!.slice(198).map((d) => d.name)).toEqual(['Rubrique', 'Pays'])
    expect(r.notes).toEqual([
      {
        file: 'articles.csv',
        reason: {
          key: 'main.table.columnsDropped',
          params: { max: MAX_ATTRIBUTES, columns: 'Langue du site, Pigiste' },
        },
      },
    ])
    expect(englishText(r.notes[0]!.reason as MessageRef)).toBe(
      `a session holds at most ${MAX_ATTRIBUTES} attributes: these columns were not added as attributes: Langue du site, Pigiste`,
    )
    // The rows keep the values of the columns kept, and of no other.
    const byName = new Map(r.attributeDefs!.map((d) => [d.id, d.name]))
    const first = Object.entries(r.rows[0]!.article.attributes).map(([id, v]) => [
      byName.get(id),
      v,
    ])
    expect(first).toEqual([
      ['Rubrique', 'Rubrique 1'],
      ['attribut 5', 'attribut 5 1'],
      ['Pays', 'Pays 1'],
    ])
  })

  it('lists twenty columns by name and counts the rest', async () => {
    const custom = Array.from({ length: 25 }, (_, i) => `Colonne ${i + 1}`)
    const r = await read(custom, defs(MAX_ATTRIBUTES))
    expect(r.attributeDefs).toBeNull()
    expect(r.notes).toEqual([
      {
        file: 'articles.csv',
        reason: {
          key: 'main.table.columnsDroppedMore',
          params: {
            max: MAX_ATTRIBUTES,
            columns: custom.slice(0, 20).join(', '),
            count: 5,
          },
        },
      },
    ])
  })

  it('adds no note when every column fits', async () => {
    const r = await read(['Rubrique', 'Pays'], defs(10))
    expect(r.attributeDefs!.map((d) => d.name).slice(10)).toEqual(['Rubrique', 'Pays'])
    expect(r.notes).toEqual([])
  })
})
