// importAttributesCsv through the handlers: the path comes from the Dialogs
// port only, the plan changes nothing on disk, and its edit, sent back
// through applyEdits as the renderer does, is saved in the index.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenedSession } from '@shared/api'
import { addAttribute } from '@shared/model/attributes'
import type { CorpusIndex } from '@shared/model/corpus'
import { checkedCalls } from '../checked-calls'
import { SAMPLE_TITLE, type Handlers } from '../handlers'
import type { FakeDialogs } from '../test-support/fake-dialogs'
import { codeOf, errorOf, value } from '../test-support/results'
import { closeSampleSession, openSampleSession } from '../test-support/sample-session'

let dir: string
let dialogs: FakeDialogs
let handlers: Handlers
let opened: OpenedSession

const index = async () =>
  JSON.parse(await readFile(join(opened.filePath, 'session.json'), 'utf8')) as CorpusIndex & {
    articles: unknown[]
  }

async function csv(name: string, text: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

beforeEach(async () => {
  ;({ dir, dialogs, handlers, opened } = await openSampleSession('gloss-attribute-handlers-'))
})
afterEach(() => closeSampleSession({ dir, handlers }))

describe('importAttributesCsv', () => {
  it('asks for a CSV, plans one edit that changes nothing until applied, then saves it', async () => {
    const tone = addAttribute(opened.meta, {
      name: 'Tone',
      type: 'category',
      values: ['critical', 'neutral'],
    })
    value(await handlers.applyEdits(opened.session.id, null, [tone.edit]))
    const before = await index()

    dialogs.answer(
      await csv(
        'attributes.csv',
        `title,outlet,published,tone\r\n"${SAMPLE_TITLE}",Le Monde,2025-07-16,Critical\r\n`,
      ),
    )
    const plan = value(await handlers.importAttributesCsv(opened.session.id))
    expect(dialogs.asked).toEqual([
      {
        kind: 'open',
        title: 'Import article attributes',
        filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }],
      },
    ])
    expect(plan).toMatchObject({ key: 'title', rows: 1, changed: 1, problems: [] })
    expect(plan!.filePath).toMatch(/attributes\.csv$/)
    expect(await index()).toEqual(before)

    value(await handlers.applyEdits(opened.session.id, null, [plan!.edit!]))
    expect((await index()).articles).toMatchObject([
      {
        title: SAMPLE_TITLE,
        attributes: { outlet: 'Le Monde', published: '2025-07-16', [tone.def.id]: 'critical' },
      },
    ])
  })

  it('returns the problems with their rows and no edit; null when the dialog is cancelled', async () => {
    dialogs.answer(await csv('bad.csv', 'title,published\nNo such article,16/07/2025\n'), null)
    const plan = value(await handlers.importAttributesCsv(opened.session.id))
    expect(plan!.edit).toBeNull()
    expect(plan!.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'unknown-title'],
      [2, 'date'],
    ])
    expect(value(await handlers.importAttributesCsv(opened.session.id))).toBeNull()
  })

  it('asks in the analyst’s language; a file that cannot be read is an error in words', async () => {
    value(await handlers.updateSettings({ locale: 'fr' }))
    dialogs.answer(join(dir, 'missing.csv'))
    expect(errorOf(await handlers.importAttributesCsv(opened.session.id))).toEqual({
      code: 'unreadable',
      key: 'main.import.cannotRead',
      params: { file: 'missing.csv', reason: { key: 'main.io.fileMissing' } },
    })
    expect(dialogs.asked.map((d) => d.title)).toEqual(['Importer les attributs des articles'])
  })

  it('is checked like every method: a bad session id never reaches a dialog', async () => {
    const checked = checkedCalls(handlers)
    expect(codeOf(await checked.importAttributesCsv('../etc'))).toBe('invalid-argument')
    expect(codeOf(await handlers.importAttributesCsv('unknown-session'))).toBe('not-found')
    expect(dialogs.asked).toEqual([])
  })
})
