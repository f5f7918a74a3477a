// Coders shown apart: a session of the sample whose passages come from two
// coders (Camille and Malik tag some of the same sentences) shows the
// Coders control; hiding a coder takes its passages out of the article (read
// back from the registered CSS highlights), the passage list and the
// pointer; with both shown, each coder's bars are in its own mark, the
// legend and the details name the coder, and the Passages view filters by
// coder; the export of the filtered passages keeps the shown coders'. A
// session of one coder has no control.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Page } from '@playwright/test'
import {
  LAYER_TAGS,
  writeLayeredSession,
  type CoderTags,
} from '../test-support/coder-layers-session'
import { test, expect, type GlossApp } from './fixtures'
import { SessionPage } from './pages/session-page'

/** Camille's own sentence, Malik's own, and one both tagged Growth. */
const CAMILLE_ONLY = 'Il s’agit du produit de consommation'
const MALIK_ONLY = 'Le fabricant de modèles LLM'
const BOTH = 'Il y a trois semaines'
/** Malik's whole passage there. */
const MALIK_PASSAGE = 'Le fabricant de modèles LLM a certainement des raisons'

async function openLayers(
  app: GlossApp,
  tags: Record<string, CoderTags> = { Camille: LAYER_TAGS.Camille!, Malik: LAYER_TAGS.Malik! },
) {
  const index = await writeLayeredSession(join(app.dataDir, 'layers.gloss'), tags)
  await app.answerNextDialog(index)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  const s = new SessionPage(app.page)
  await s.article.waitFor()
  return s
}

/**
 * The Gloss highlights on the first character of `text`, as
 * "theme slot/coder slot" for a coder's bars, "bar" for plain theme bars,
 * and "bg" for the tint; sorted.
 */
async function paintedAt(s: SessionPage, text: string): Promise<string[]> {
  const names = await s.marksAt(text)
  return names
    .flatMap((n) => {
      const coder = /^gloss-cbar-(\d+)-\d+-(\d+)$/.exec(n)
      if (coder) return [`${coder[1]}/${coder[2]}`]
      if (/^gloss-bar-/.test(n)) return ['bar']
      if (/^gloss-bg-/.test(n)) return ['bg']
      return []
    })
    .sort()
}

const coders = (page: Page) => page.getByRole('group', { name: 'Coders' })

test('shows each coder’s passages in its own mark, hides a coder, names the coder and filters by it', async ({
  app,
}) => {
  const { page } = app
  const s = await openLayers(app)
  const bar = coders(page)
  await expect(bar).toBeVisible()
  // In the session's order, each counted over the session: by name (the analyst of this
  // Gloss, who only opened the article, is no coder of it).
  await expect(bar.getByRole('checkbox')).toHaveCount(3)
  await expect(bar.getByRole('checkbox', { name: 'All' })).toBeChecked()
  await expect(bar.getByRole('checkbox', { name: 'Camille' })).toBeChecked()
  await expect(bar.locator('.coder-toggle').nth(1)).toHaveText('Camille4')
  await expect(bar.locator('.coder-toggle').nth(2)).toHaveText('Malik4')

  // Both shown: Growth (slot 0) by Camille (coder slot 0) and by Malik (coder slot 1).
  await expect.poll(() => paintedAt(s, BOTH)).toEqual(['0/0', '0/1', 'bg'])
  await expect.poll(() => paintedAt(s, MALIK_ONLY)).toEqual(['3/1', 'bg'])
  await expect.poll(() => paintedAt(s, CAMILLE_ONLY)).toEqual(['0/0', '3/0', 'bg'])
  await expect(s.passages).toHaveCount(8)
  await expect(s.passage(MALIK_ONLY).locator('.passage-coder')).toHaveText('Malik')

  // Malik hidden: his passages leave the article and the list; Camille's are plain bars again.
  await bar.getByRole('checkbox', { name: 'Malik' }).uncheck()
  await expect(bar.getByRole('checkbox', { name: 'All' })).not.toBeChecked()
  await expect.poll(() => paintedAt(s, MALIK_ONLY)).toEqual([])
  await expect.poll(() => paintedAt(s, BOTH)).toEqual(['bar', 'bg'])
  await expect(s.passages).toHaveCount(4)
  await expect(s.passage(MALIK_ONLY)).toHaveCount(0)
  await expect(s.passages.locator('.passage-coder')).toHaveCount(0)
  // Nor under the pointer: a click there opens nothing.
  await s.clickHighlight(MALIK_ONLY)
  await expect(s.details).toBeHidden()

  // Both again: the legend marks each coder, the details name the passage's coder.
  await bar.getByRole('checkbox', { name: 'All' }).check()
  await expect(bar.getByRole('checkbox', { name: 'Malik' })).toBeChecked()
  await expect.poll(() => paintedAt(s, MALIK_ONLY)).toEqual(['3/1', 'bg'])
  await expect(bar.locator('.coder-name[data-coder-slot="0"]')).toHaveText('Camille')
  await expect(bar.locator('.coder-name[data-coder-slot="1"]')).toHaveText('Malik')
  const camilleLine = await bar
    .locator('.coder-name[data-coder-slot="0"]')
    .evaluate((el) => getComputedStyle(el).textDecorationStyle)
  const malikLine = await bar
    .locator('.coder-name[data-coder-slot="1"]')
    .evaluate((el) => getComputedStyle(el).textDecorationStyle)
  expect([camilleLine, malikLine]).toEqual(['solid', 'dashed'])
  await s.clickHighlight(MALIK_ONLY)
  await expect(s.details).toContainText('Coder: Malik')
  await expect(s.article).toHaveAttribute('title', /Safety — Malik/)

  // The sidebar filter by coder.
  await page.keyboard.press('Escape')
  await page
    .getByRole('group', { name: 'Filter by coder' })
    .getByRole('button', { name: 'Camille' })
    .click()
  await expect(s.passages).toHaveCount(4)
  await expect(s.passages.locator('.passage-coder')).toHaveText(Array(4).fill('Camille'))
  await page.getByRole('button', { name: 'Clear filters' }).click()

  // The Passages view: a Coder column, and a coder filter.
  await page.keyboard.press('Control+Shift+P')
  const view = page.getByRole('region', { name: 'Passages across the session' })
  await expect(view.getByRole('columnheader', { name: 'Coder' })).toBeVisible()
  await expect(view.getByRole('status')).toHaveText('8 passages in 1 article')
  await view
    .getByRole('group', { name: 'Filter by coder' })
    .getByRole('button', { name: 'Malik' })
    .click()
  await expect(view.getByRole('status')).toHaveText('4 passages in 1 article (of 8)')
  const rows = view.locator('.ptable-rows [role="row"]')
  await expect(rows).toHaveCount(4)
  await expect(rows.locator('.ptable-coder')).toHaveText(Array(4).fill('Malik'))
})

test('a passage made while its coder is hidden is shown, with its coder', async ({ app }) => {
  const { page } = app
  const s = await openLayers(app)
  const bar = coders(page)
  await bar.getByRole('checkbox', { name: 'All' }).uncheck()
  await expect(s.passages).toHaveCount(0)
  await expect.poll(() => paintedAt(s, BOTH)).toEqual([])
  // The analyst of this Gloss (e2e-analyst) tags: a third coder, shown.
  await s.tag('Chaos', 'Culture')
  await expect(bar.getByRole('checkbox', { name: 'e2e-analyst' })).toBeChecked()
  await expect(bar.getByRole('checkbox', { name: 'Camille' })).not.toBeChecked()
  await expect(s.passages).toHaveCount(1)
  await expect.poll(() => s.themesAt('Chaos')).toEqual(['culture'])
  // Tagging the words of another coder's passage makes this coder's own.
  await bar.getByRole('checkbox', { name: 'All' }).check()
  await s.tag(MALIK_PASSAGE, 'Growth')
  await expect(s.passages.filter({ hasText: MALIK_PASSAGE })).toHaveCount(2)
  await expect(s.details).toContainText('Coder: e2e-analyst')
})

test('a session of one coder shows no Coders control and paints as before', async ({ app }) => {
  const { page } = app
  // The analyst's own passages: opening it records no other coder.
  const s = await openLayers(app, { 'e2e-analyst': LAYER_TAGS.Camille! })
  await expect(s.passages).toHaveCount(4)
  await expect(coders(page)).toHaveCount(0)
  await expect.poll(() => paintedAt(s, CAMILLE_ONLY)).toEqual(['bar', 'bar', 'bg'])
  await expect(s.passages.locator('.passage-coder')).toHaveCount(0)
  await s.clickHighlight(CAMILLE_ONLY)
  await expect(s.details).toBeVisible()
  await expect(s.details).not.toContainText('Coder')
  await page.keyboard.press('Control+Shift+P')
  const view = page.getByRole('region', { name: 'Passages across the session' })
  await expect(view.getByRole('status')).toHaveText('4 passages in 1 article')
  await expect(view.getByRole('columnheader', { name: 'Coder' })).toHaveCount(0)
})

test('exports the shown coders’ passages as the filtered passages, the coder in its column', async ({
  app,
}) => {
  const { page } = app
  await openLayers(app)
  await coders(page).getByRole('checkbox', { name: 'Camille' }).uncheck()
  await page.getByRole('button', { name: 'Export CSV…' }).click()
  const chooser = page.getByRole('dialog', { name: 'Export CSV' })
  const filtered = chooser.getByRole('radio', {
    name: 'Filtered articles (1), passages of Malik only',
  })
  await filtered.check()
  const path = join(app.dataDir, 'malik.csv')
  await app.answerNextDialog(path)
  await chooser.getByRole('button', { name: 'One row per passage', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: path })).toBeVisible()
  const rows: Record<string, string>[] = parse(await readFile(path, 'utf8'), {
    bom: true,
    columns: true,
  })
  expect(rows.map((r) => r.coder)).toEqual(Array(4).fill('Malik'))
  expect(rows.map((r) => r.quote)).toContain(MALIK_PASSAGE)
  expect(Object.keys(rows[0]!)).not.toContain('author')

  // The whole session: both coders.
  await page.getByRole('button', { name: 'Export CSV…' }).click()
  const all = join(app.dataDir, 'all.csv')
  await app.answerNextDialog(all)
  await chooser.getByRole('button', { name: 'One row per passage', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: all })).toBeVisible()
  const both: Record<string, string>[] = parse(await readFile(all, 'utf8'), {
    bom: true,
    columns: true,
  })
  expect(new Set(both.map((r) => r.coder))).toEqual(new Set(['Camille', 'Malik']))
  expect(both).toHaveLength(8)
})
