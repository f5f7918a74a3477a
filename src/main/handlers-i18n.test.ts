// The language of the native dialogs the handlers open, and the settings
// hook the menu is rebuilt from, through the real handlers on real files.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Settings } from '@shared/settings'
import { createHandlers, type HandlerDeps, type Handlers } from './handlers'
import { checkedCalls } from './checked-calls'
import { FakeDialogs } from './test-support/fake-dialogs'
import { value } from './test-support/results'

const SAMPLE = new URL('../../resources/sample-article-fr.txt', import.meta.url).pathname
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString(
  'base64',
)

/** Dialogs that remember what they were asked and are always cancelled. */
const dialogs = new FakeDialogs({ unanswered: 'cancel' })
/** The title and filter names of every dialog asked for so far, forgotten once read. */
const asked = () =>
  dialogs.asked
    .splice(0)
    .map(({ title, filters }) => ({ title, filters: filters.map((f) => f.name) }))

let dir: string
let handlers: Handlers
const make = (deps: Partial<HandlerDeps> = {}) =>
  (handlers = createHandlers({ dataDir: dir, dialogs, samplePath: SAMPLE, author: 't', ...deps }))

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-handlers-i18n-'))
  dialogs.asked.length = 0
})
afterEach(async () => {
  await handlers.shutdown()
  await rm(dir, { recursive: true, force: true })
})

/** Opens every dialog the handlers have, in one order. */
async function openEveryDialog(h: Handlers) {
  const id = value(await h.openSample()).session.id
  value(await h.openArticle())
  value(await h.openSession())
  value(await h.exportCsv(id))
  value(await h.exportTidyCsv(id))
  value(await h.exportSummaryCsv(id))
  value(await h.saveSummaryPng(id, PNG))
  value(await h.exportCodebookCsv(id))
  value(await h.importCodebookCsv(id))
  return asked()
}

describe('native dialogs', () => {
  it('speak English by default', async () => {
    expect(await openEveryDialog(make())).toEqual([
      { title: 'Open article', filters: ['Articles'] },
      { title: 'Open session', filters: ['Gloss sessions'] },
      { title: 'Export CSV', filters: ['CSV'] },
      { title: 'Export CSV, one row per passage and theme', filters: ['CSV'] },
      { title: 'Save summary as CSV', filters: ['CSV'] },
      { title: 'Save summary chart as PNG', filters: ['PNG image'] },
      { title: 'Export codebook as CSV', filters: ['CSV'] },
      { title: 'Import codebook', filters: ['CSV'] },
    ])
  })

  it('speak French once the analyst picks it in the settings', async () => {
    const h = make()
    value(await h.updateSettings({ locale: 'fr' }))
    expect(await openEveryDialog(h)).toEqual([
      { title: 'Ouvrir un article', filters: ['Articles'] },
      { title: 'Ouvrir une session', filters: ['Sessions Gloss'] },
      { title: 'Exporter en CSV', filters: ['CSV'] },
      { title: 'Exporter en CSV, une ligne par passage et par thème', filters: ['CSV'] },
      { title: 'Enregistrer la synthèse en CSV', filters: ['CSV'] },
      { title: 'Enregistrer le graphique de la synthèse en PNG', filters: ['Image PNG'] },
      { title: 'Exporter la grille de codage en CSV', filters: ['CSV'] },
      { title: 'Importer une grille de codage', filters: ['CSV'] },
    ])
  })

  it('follow the system language when the setting is "system", read when each opens', async () => {
    let system = 'fr-FR'
    const h = make({ systemLanguage: () => system })
    value(await h.openArticle())
    system = 'de-DE'
    value(await h.openArticle())
    value(await h.updateSettings({ locale: 'fr' }))
    value(await h.openArticle())
    expect(asked().map((a) => a.title)).toEqual([
      'Ouvrir un article',
      'Open article',
      'Ouvrir un article',
    ])
  })
})

describe('updateSettings', () => {
  it('tells onSettingsChange of each change with the settings as saved', async () => {
    const seen: Settings['locale'][] = []
    const h = make({ onSettingsChange: (s) => seen.push(s.locale) })
    value(await h.updateSettings({ locale: 'fr' }))
    value(await h.updateSettings({ reopenLast: false }))
    value(await h.updateSettings({ locale: 'system' }))
    expect(seen).toEqual(['fr', 'fr', 'system'])
    // A refused change (checked as IPC checks it) tells nothing.
    expect((await checkedCalls(h).updateSettings({ locale: 'de' })).ok).toBe(false)
    expect(seen).toHaveLength(3)
  })
})
