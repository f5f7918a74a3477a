// Texts the main process sends to the renderer (errors, read-only reasons,
// notices) as a stable key plus parameters, so that the renderer shows them
// in the analyst's language. The English templates live here, once: main
// formats them into the English `message` it sends along (the fallback, and
// what logs show), and the renderer's English catalog includes them; the
// French ones are in the renderer's French catalog. File names, paths, host
// names, errno codes and technical details (a JSON parser's or zod's message)
// are parameters and are never translated. Dates are parameters too, as ISO
// strings, so that the renderer formats them for its locale.
// Must stay pure: no Node, no DOM.

import { IMPORT_MESSAGES_EN } from './main-messages-import'
import { PORTABLE_MESSAGES_EN } from './main-messages-portable'
import { CODERS_MESSAGES_EN } from './main-messages-coders'
import { BRING_BACK_MESSAGES_EN } from './main-messages-bring-back'
import { AGREEMENT_MESSAGES_EN } from './main-messages-agreement'

export const MAIN_MESSAGES_EN = {
  ...PORTABLE_MESSAGES_EN,
  ...IMPORT_MESSAGES_EN,
  ...BRING_BACK_MESSAGES_EN,
  ...AGREEMENT_MESSAGES_EN,
  'main.session.notOpen': 'This session is not open.',
  'main.session.notInRecent': 'This session is no longer in the recent list.',
  'main.session.alreadyOpen': 'This session is already open.',
  'main.recovery.gone': 'This recovery is no longer available; open the session again.',
  'main.load.cannotOpen': 'Cannot open {file}: {problem}.',
  'main.load.newer':
    'Cannot open {file}: it was saved by a newer version of Gloss (session format {version}; this version reads up to {supported}). Update Gloss to open it; the file was not changed.',
  'main.load.recoverable':
    '{reason} Gloss kept the previous saved version ({backup}); open it to recover.',
  'main.load.empty': 'the file is empty',
  'main.load.zeros': 'the file contains only zero bytes (NUL)',
  'main.load.binary': 'the file contains binary data, not JSON text',
  'main.load.notJson': 'it is not valid JSON, perhaps truncated ({detail})',
  'main.load.holdsNull': 'it holds null, not a Gloss session',
  'main.load.holdsList': 'it holds a list, not a Gloss session',
  'main.load.holdsString': 'it holds a string, not a Gloss session',
  'main.load.holdsNumber': 'it holds a number, not a Gloss session',
  'main.load.holdsBoolean': 'it holds true or false, not a Gloss session',
  'main.load.noVersion': 'it has no schema version, so it is not a Gloss session',
  'main.load.notUpgraded': 'it could not be upgraded from format {version}: {detail}',
  'main.load.shape': 'it does not have the shape of a Gloss session ({detail})',
  'main.load.shapeAt': 'it does not have the shape of a Gloss session at {path} ({detail})',
  'main.load.checksum': 'the article text does not match its checksum (sha256)',
  'main.load.inconsistent': 'its passages and themes do not fit together ({detail})',
  'main.load.otherArticle': 'it belongs to another article or session',
  'main.load.indexOutsideFolder':
    'it is the index of a session folder; open the folder (or this file inside it) with its articles folder beside it',
  'main.load.articleBroken':
    'Opened read-only: the article “{title}” cannot be read ({file}: {problem}); {count} article(s) affected. The other articles can be read; nothing is written until the file is repaired or restored.',
  'main.article.unreadable': 'This article cannot be read; see the session’s problem report.',
  'main.article.notInSession': 'This article is no longer in the session.',
  'main.article.noOriginal': 'The session kept no copy of this article’s original file.',
  'main.article.originalGone':
    'The copy of this article’s original file is no longer in the session folder.',
  'main.save.articleMissing': 'the file of the article “{title}” is missing',
  'main.migration.v0Shape': 'a version 0 session with a problem at {path}: {detail}',
  'main.migration.v0ShapeTop': 'a version 0 session with a problem at the top: {detail}',
  'main.migration.outside': 'passage {id} lies outside the text ({start}–{end})',
  'main.migration.noStep': 'no migration from schema version {version}',
  'main.io.fileMissing': 'the file no longer exists',
  'main.io.isFolder': 'it is a folder, not a file',
  'main.io.permission': 'permission denied',
  'main.save.fileMoved':
    'the session file was moved or deleted; Gloss will write it again where it was',
  'main.save.diskFull': 'the disk is full',
  'main.save.quota': 'the disk quota is exceeded',
  'main.save.io': 'the disk reported an input/output error',
  'main.save.readOnlyFolder': 'the folder is read-only',
  'main.save.folderMissing': 'the folder no longer exists',
  'main.write.cannotWrite': 'Cannot write {path}: {reason}',
  'main.lock.unlockable':
    'Opened read-only: Gloss could not lock this session ({lock}); another program may be using it.',
  'main.lock.held':
    'Opened read-only: this session is open in another Gloss. Close it there to edit here. If that Gloss crashed on another machine, delete {lock}.',
  'main.lock.heldOn':
    'Opened read-only: this session is open in another Gloss on {host}. Close it there to edit here. If that Gloss crashed on another machine, delete {lock}.',
  'main.lock.heldSince':
    'Opened read-only: this session is open in another Gloss since {since}. Close it there to edit here. If that Gloss crashed on another machine, delete {lock}.',
  'main.lock.heldOnSince':
    'Opened read-only: this session is open in another Gloss on {host} since {since}. Close it there to edit here. If that Gloss crashed on another machine, delete {lock}.',
  'main.notice.migrated':
    'This session was upgraded from format {version}. The original file is kept as {file}.',
  'main.notice.upgraded':
    'This session was upgraded from format {version} into the session folder {folder}. The original file {file} is kept as it was.',
  'main.notice.upgradedBefore':
    '{file} was upgraded earlier into the session folder {folder}; Gloss opened that folder.',
  'main.notice.migratedReadOnly':
    'This session uses the older format {version}; it is shown upgraded but was not saved.',
  'main.notice.recovered': 'Recovered the previous saved version.',
  'main.notice.recoveredKept':
    'Recovered the previous saved version. The damaged file is kept as {file}.',
  'main.import.cannotRead': 'Cannot read {file}: {reason}',
  'main.import.notArticle': '{file}: Gloss does not read this kind of file',
  'main.import.tooLarge': '{file} is larger than 50 MB',
  'main.import.notUtf8': '{file} is not UTF-8 text',
  'main.import.notText': '{file} is not a text file',
  'main.import.empty': '{file} is empty',
  // Adding articles to a session (Add articles…, dropped files, Paste as new
  // article). The reasons are shown beside the file's name in the report.
  'main.add.notArticle': 'Gloss does not read this kind of file',
  'main.add.notFile': 'it is not a regular file',
  'main.add.tooLarge': 'it is larger than {limit} MB',
  'main.add.fileTooLarge': '{file} is larger than {limit} MB',
  'main.add.notUtf8': 'it is not UTF-8 text',
  'main.add.notText': 'it is not a text file',
  'main.add.empty': 'it is empty',
  'main.add.full': 'the session already holds {max} articles',
  'main.add.busy': 'Articles are already being added to this session; wait for them or cancel.',
  'main.add.pasteEmpty': 'There is nothing to add: the pasted text is empty.',
  // Retrieval across the corpus (the Passages view, the corpus search).
  'main.retrieval.gone': 'These results are out of date; Gloss runs the query again.',
  // Corpus summary and exports (issue 12).
  'main.summary.unknownAttribute': 'This session has no attribute “{attribute}”.',
  'main.summary.noTable': 'Choose an attribute or a period for this table first.',
  'main.summary.tooManyBins':
    'The publication dates span {count} periods, more than the {max} a chart can show: choose months or years.',
  ...CODERS_MESSAGES_EN,
} as const

export type MainMessageKey = keyof typeof MAIN_MESSAGES_EN

/**
 * A parameter: text or a number shown as it is, a date (ISO string) the
 * renderer formats for its locale, or another message (translated too).
 */
export type MessageParam = string | number | { date: string } | MessageRef
export type MessageParams = Record<string, MessageParam>

/**
 * A message by key and parameters, as it crosses to the renderer. The key
 * is a plain string there: a renderer that does not know it shows the
 * English text sent along instead.
 */
export interface MessageRef {
  key: string
  params?: MessageParams
}

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never
type PlaceholdersOf<K extends MainMessageKey> = Placeholders<(typeof MAIN_MESSAGES_EN)[K]>

/**
 * A message main sends. The type checker makes the caller pass exactly the
 * template's placeholders.
 */
export function mainMessage<K extends MainMessageKey>(
  key: K,
  ...[params]: [PlaceholdersOf<K>] extends [never]
    ? []
    : [{ [P in PlaceholdersOf<K>]: MessageParam }]
): MessageRef {
  return params ? { key, params } : { key }
}

const isRef = (p: MessageParam): p is MessageRef =>
  typeof p === 'object' && p !== null && 'key' in p && typeof p.key === 'string'

/** A date in the English text: `2026-11-27 09:30 UTC` (the ISO string itself when it is not one). */
function englishDate(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** The English text of a message (its key, when the key is unknown). */
export function englishText(ref: MessageRef): string {
  const template = Object.hasOwn(MAIN_MESSAGES_EN, ref.key)
    ? MAIN_MESSAGES_EN[ref.key as MainMessageKey]
    : ref.key
  const params = ref.params ?? {}
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!Object.hasOwn(params, name)) return m
    const p = params[name]!
    if (typeof p === 'string' || typeof p === 'number') return String(p)
    return isRef(p) ? englishText(p) : englishDate(p.date)
  })
}
