// Reading one coder copy (`<name>.gloss.zip`, made by "Make coder copies…")
// to bring its coder's work back, in memory: it is never unpacked into the
// sessions folder. The zip and its files are read as hostile input by
// store/session-zip.ts (the limits and checks of "Open session…" on a
// copy); then what makes it a coder copy of THIS session is checked, the
// cheap checks before the articles are read: its format is not newer, it
// is a coder copy (`coderCopy` set), of this session, for a coder whose name
// is neither blank, padded, nor the reserved "consensus". Each problem is
// said in its own words (a blank coder name is not "damaged").
// It must never write anything, nor throw for a bad copy: the problem is
// returned, so that every file chosen is checked and reported.
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  CONSENSUS_CODER,
  CORPUS_FORMAT,
  type ArticleData,
  type CorpusIndex,
} from '@shared/model/corpus'
import { mainMessage } from '@shared/main-messages'
import type { Reason } from '../errors'
import { versionOf } from '../store/migrations'
import {
  CopyProblem,
  indexJsonOf,
  readSessionZip,
  readZipArticles,
  validateIndex,
  type SessionZip,
} from '../store/session-zip'

/** A coder copy read and checked: its coder, its index and its articles. */
export interface CoderCopyRead {
  path: string
  /** The file's name, as the report shows it. */
  file: string
  coder: string
  index: CorpusIndex
  articles: Map<string, ArticleData>
}

/** What the session needs to say when a copy is of another session. */
export interface CopyTarget {
  sessionId: string
  /** The title of a session known here (the recent list), or null. */
  titleOf: (sessionId: string) => Promise<string | null>
}

export type CoderCopyCheck =
  { ok: true; copy: CoderCopyRead } | { ok: false; file: string; problem: Reason }

/** Reads and checks one coder copy for the session `target`; never throws for a bad copy. */
export async function readCoderCopy(path: string, target: CopyTarget): Promise<CoderCopyCheck> {
  const file = basename(path)
  try {
    return { ok: true, copy: await read(path, file, target) }
  } catch (e) {
    if (e instanceof CopyProblem) return { ok: false, file, problem: e.problem }
    throw e
  }
}

async function read(path: string, file: string, target: CopyTarget): Promise<CoderCopyRead> {
  let zip: SessionZip
  try {
    zip = await readSessionZip(path)
  } catch (e) {
    if (e instanceof CopyProblem && isNotZip(e) && (await startsAsZip(path)))
      throw new CopyProblem(mainMessage('main.bringback.truncated'))
    throw e
  }
  const json = indexJsonOf(zip)
  const version = versionOf(json)
  if (version !== null && version > CORPUS_FORMAT)
    throw new CopyProblem(
      mainMessage('main.bringback.newer', { version, supported: CORPUS_FORMAT }),
    )
  // The coder's name is looked at before the schema, which would only call it a bad shape.
  const coderCopy = json.coderCopy as { coder?: unknown } | undefined
  if (typeof coderCopy === 'object' && coderCopy !== null && typeof coderCopy.coder === 'string') {
    const name = coderCopy.coder
    if (name.trim() === '') throw new CopyProblem(mainMessage('main.bringback.coderBlank'))
    if (name.trim() !== name || /\p{Cc}/u.test(name))
      throw new CopyProblem(mainMessage('main.bringback.coderSpaces', { name }))
  }
  const index = validateIndex(json)
  if (!index.coderCopy) throw new CopyProblem(mainMessage('main.bringback.notCoderCopy'))
  const { coder, sessionId } = index.coderCopy
  if (coder.toLowerCase() === CONSENSUS_CODER)
    throw new CopyProblem(mainMessage('main.bringback.consensus', { name: coder }))
  if (sessionId !== target.sessionId) {
    const title = await target.titleOf(sessionId)
    throw new CopyProblem(
      title
        ? mainMessage('main.bringback.otherSessionTitled', { title, id: sessionId })
        : mainMessage('main.bringback.otherSession', { id: sessionId }),
    )
  }
  const articles = await readZipArticles(zip, index)
  return { path, file, coder, index, articles }
}

const isNotZip = (e: CopyProblem) =>
  typeof e.problem === 'object' && e.problem.key === 'main.copy.notZip'

/** True when the file starts with a zip's first local header (a zip cut short, then). */
async function startsAsZip(path: string): Promise<boolean> {
  let handle
  try {
    handle = await open(path, 'r')
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50
  } catch {
    return false
  } finally {
    await handle?.close()
  }
}
