// The words for the problems codebook-ops and the codebook CSV importer
// report as codes: every one a key of the message catalogs.
import type {
  CodebookImportProblem,
  CodebookImportProblemCode,
  CodebookProblem,
} from '@shared/model/codebook-ops'
import type { I18n } from '@renderer/i18n/i18n'
import type { MessageKey } from '@renderer/i18n/messages-en'

export const PROBLEM_KEYS: Record<CodebookProblem, MessageKey> = {
  full: 'codebook.error.full',
  'name-empty': 'codebook.error.nameEmpty',
  'name-too-long': 'codebook.error.nameTooLong',
  'name-taken': 'codebook.error.nameTaken',
  'name-reserved': 'codebook.error.nameReserved',
  colour: 'codebook.error.colour',
  'description-too-long': 'codebook.error.descriptionTooLong',
  'last-theme': 'codebook.error.lastTheme',
  'unknown-theme': 'codebook.error.unknownTheme',
  'same-theme': 'codebook.error.sameTheme',
  key: 'codebook.error.key',
  'unknown-group': 'codebook.error.unknownGroup',
  'group-name-empty': 'codebook.error.groupNameEmpty',
  'group-name-too-long': 'codebook.error.groupNameTooLong',
  'group-name-taken': 'codebook.error.groupNameTaken',
}

const IMPORT_KEYS: Record<CodebookImportProblemCode, MessageKey> = {
  'not-utf8': 'codebook.problem.notUtf8',
  'too-large': 'codebook.problem.tooLarge',
  'empty-file': 'codebook.problem.emptyFile',
  'unterminated-quote': 'codebook.problem.unterminatedQuote',
  header: 'codebook.problem.header',
  'no-themes': 'codebook.problem.noThemes',
  'too-many-themes': 'codebook.problem.tooManyThemes',
  'name-empty': 'codebook.problem.nameEmpty',
  'name-too-long': 'codebook.problem.nameTooLong',
  'name-reserved': 'codebook.problem.nameReserved',
  'name-repeated': 'codebook.problem.nameRepeated',
  colour: 'codebook.problem.colour',
  key: 'codebook.problem.key',
  'key-repeated': 'codebook.problem.keyRepeated',
  'description-too-long': 'codebook.problem.descriptionTooLong',
  'group-too-long': 'codebook.problem.groupTooLong',
  full: 'codebook.problem.full',
}

/** One problem of an imported file, with its row when it has one. */
export function describeImportProblem(t: I18n['t'], p: CodebookImportProblem): string {
  const problem = t(IMPORT_KEYS[p.code], { value: p.value ?? '', otherRow: p.otherRow ?? '' })
  return p.row === null ? problem : t('codebook.problem.row', { row: p.row, problem })
}
