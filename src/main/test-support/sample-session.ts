// Handler tests on the bundled sample article: a temp folder holding the
// handlers' data folder (data/), fake dialogs, and the sample opened as
// "Try the sample" opens it; shut down and removed after the test.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenedSession } from '@shared/api'
import { createHandlers, type Handlers } from '../handlers'
import { FakeDialogs } from './fake-dialogs'
import { value } from './results'

export const SAMPLE_PATH = new URL('../../../resources/sample-article-fr.txt', import.meta.url)
  .pathname

export interface SampleSession {
  /** The temp folder: answers to dialogs are written here, the data in data/. */
  dir: string
  dialogs: FakeDialogs
  handlers: Handlers
  opened: OpenedSession
}

/** Handlers on `dir`/data, author 'tester', asking `dialogs`. */
export function sampleHandlers(dir: string, dialogs: FakeDialogs): Handlers {
  return createHandlers({
    dataDir: join(dir, 'data'),
    dialogs,
    samplePath: SAMPLE_PATH,
    author: 'tester',
  })
}

/** A new temp folder named from `prefix`, handlers on it, and the sample open. */
export async function openSampleSession(prefix: string): Promise<SampleSession> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const dialogs = new FakeDialogs()
  const handlers = sampleHandlers(dir, dialogs)
  return { dir, dialogs, handlers, opened: value(await handlers.openSample()) }
}

/** Shuts the handlers down and removes the temp folder. */
export async function closeSampleSession({
  dir,
  handlers,
}: Pick<SampleSession, 'dir' | 'handlers'>) {
  await handlers.shutdown()
  await rm(dir, { recursive: true, force: true })
}
