// The codebook on its own as CSV: one row per theme, in codebook order, with
// columns name, description, colour, key, and group when the codebook has
// groups (the group's name; empty for a theme of no group). Same file conventions as csv.ts
// (UTF-8 with BOM, CRLF, RFC 4180 quoting, formula-like cells prefixed with
// '), so that src/main/import/codebook-csv.ts reads back exactly what was
// written. Never writes files itself.
import type { ThemeGroup } from '@shared/model/corpus'
import type { Theme } from '@shared/model/schema'
import { neutralizeFormula, recordsToCsv } from './csv'

export const CODEBOOK_HEADER = ['name', 'description', 'colour', 'key'] as const

/**
 * Like neutralizeFormula, and also prefixes a cell that already starts with
 * apostrophes before a formula character, so that the importer, which drops
 * one leading apostrophe from such cells, gives back every name exactly.
 */
export function neutralizeCodebookCell(cell: string): string {
  const bare = cell.replace(/^'+/, '')
  return neutralizeFormula(bare) !== bare ? `'${cell}` : cell
}

/** The inverse of neutralizeCodebookCell. */
export function unneutralizeCodebookCell(cell: string): string {
  if (!cell.startsWith("'")) return cell
  const rest = cell.slice(1)
  const bare = rest.replace(/^'+/, '')
  return neutralizeFormula(bare) !== bare ? rest : cell
}

/** The rows of the file, header first; a group column only when there are groups. */
export function codebookRecords(
  codebook: readonly Theme[],
  groups: readonly ThemeGroup[] = [],
): string[][] {
  const text = neutralizeCodebookCell
  const nameOf = new Map(groups.map((g) => [g.id, g.name]))
  const withGroups = groups.length > 0
  const row = (t: Theme) => [text(t.name), text(t.description ?? ''), t.colour, t.key ?? '']
  return [
    withGroups ? [...CODEBOOK_HEADER, 'group'] : [...CODEBOOK_HEADER],
    ...codebook.map((t) =>
      withGroups ? [...row(t), text(nameOf.get(t.groupId ?? '') ?? '')] : row(t),
    ),
  ]
}

/** The whole file as a string, BOM included. */
export function codebookToCsv(codebook: readonly Theme[], groups: readonly ThemeGroup[] = []) {
  return recordsToCsv(codebookRecords(codebook, groups))
}
