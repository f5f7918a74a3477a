// The agreement table CSV: the figures of the Agreement view, one row per
// theme × coefficient (× pair of coders for Cohen's kappa), then the same
// rows for all themes, so that a methods section or a script can quote them.
//
// Columns: theme, coefficient, coder_a, coder_b, value, n_units, n_excluded,
// benchmark, note.
// - theme: the theme's name (a theme missing from the list given: its id);
//   ALL_THEMES on the rows of all themes.
// - coefficient: percent_agreement, fleiss_kappa, krippendorff_alpha and
//   cohen_kappa (article, paragraph and sentence units), unitizing_alpha
//   (characters). coder_a and coder_b: the pair of Cohen's kappa, empty
//   otherwise.
// - value: the coefficient unrounded (JavaScript's shortest form, which reads
//   back as the same double); empty when it is not defined, the note then
//   says why ("not defined: no variation").
// - n_units, n_excluded: the coefficient's units compared and left out
//   (Cohen's kappa: both coders coded the unit; Fleiss's: every coder did;
//   unitizing alpha: articles).
// - benchmark: reliable, tentative or not reliable (Krippendorff 2004:
//   .800 and .667) for the chance-corrected coefficients with a value.
// Same file conventions as csv.ts. Never writes files itself.
import type { AgreementFigures, AgreementReport, ReportCoefficient } from '@shared/agreement/report'
import type { Undefinedness } from '@shared/agreement/coefficients'
import type { Theme } from '@shared/model/schema'
import { neutralizeFormula, recordsToCsv, type CsvRecord } from './csv'

export const AGREEMENT_TABLE_HEADER = [
  'theme',
  'coefficient',
  'coder_a',
  'coder_b',
  'value',
  'n_units',
  'n_excluded',
  'benchmark',
  'note',
] as const

/** The theme cell of the rows of all themes. */
export const ALL_THEMES = 'All themes'

const UNDEFINED_NOTES: Record<Undefinedness, string> = {
  'no-variation': 'not defined: no variation',
  'no-pairable-units': 'not defined: no unit coded by two coders',
  'one-coder': 'not defined: one coder',
}

const BENCHMARKS = {
  reliable: 'reliable',
  tentative: 'tentative',
  'not-reliable': 'not reliable',
} as const

function record(
  theme: string,
  name: string,
  c: ReportCoefficient,
  notes: string[],
  pair: [string, string] = ['', ''],
): CsvRecord {
  const note = [c.value === null ? UNDEFINED_NOTES[c.undefinedBecause!] : '', ...notes]
    .filter(Boolean)
    .join('; ')
  return [
    neutralizeFormula(theme),
    name,
    neutralizeFormula(pair[0]),
    neutralizeFormula(pair[1]),
    c.value === null ? '' : c.value,
    c.units,
    c.excluded,
    c.benchmark ? BENCHMARKS[c.benchmark] : '',
    neutralizeFormula(note),
  ]
}

function records(theme: string, figures: AgreementFigures, overall: boolean): CsvRecord[] {
  const rows: CsvRecord[] = []
  const pooled = overall ? ['all themes pooled as one binary variable'] : []
  if (figures.percent)
    rows.push(
      record(theme, 'percent_agreement', figures.percent, ['not chance-corrected', ...pooled]),
    )
  if (figures.fleiss) rows.push(record(theme, 'fleiss_kappa', figures.fleiss, pooled))
  if (figures.alpha)
    rows.push(record(theme, 'krippendorff_alpha', figures.alpha, ['nominal', ...pooled]))
  for (const { coderA, coderB, kappa } of figures.cohen)
    rows.push(record(theme, 'cohen_kappa', kappa, pooled, [coderA, coderB]))
  if (figures.unitizing)
    rows.push(
      record(
        theme,
        'unitizing_alpha',
        figures.unitizing,
        overall ? ['1 − ΣD_o / ΣD_e over the themes'] : [],
      ),
    )
  return rows
}

/** The data rows of the table (header not included). */
export function agreementTableRecords(
  report: AgreementReport,
  themes: readonly Pick<Theme, 'id' | 'name'>[],
): CsvRecord[] {
  const names = new Map(themes.map((t) => [t.id, t.name]))
  return [
    ...report.themes.flatMap((t) => records(names.get(t.themeId) ?? t.themeId, t, false)),
    ...records(ALL_THEMES, report.overall, true),
  ]
}

/** The whole file, BOM included, and its number of data rows. */
export function agreementTableCsv(
  report: AgreementReport,
  themes: readonly Pick<Theme, 'id' | 'name'>[],
): { csv: string; rows: number } {
  const rows = agreementTableRecords(report, themes)
  return { csv: recordsToCsv([AGREEMENT_TABLE_HEADER, ...rows]), rows: rows.length }
}
