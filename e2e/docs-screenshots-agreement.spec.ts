// Regenerates docs/screenshots/agreement-view.png (npm run screenshots): the
// Agreement view of a seeded study of twelve articles, three coders (each
// leaving an article or two uncoded) and six themes, at paragraph units, in
// a window 1,024 pixels wide. Skipped in the normal suite: the picture is
// for people.
import { join } from 'node:path'
import type { Theme } from '@shared/model/schema'
import { agreementStudy } from '../test-support/agreement-corpus'
import { writeCorpus } from '../test-support/write-corpus'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

test.skip(!process.env.GLOSS_SCREENSHOTS, 'run with npm run screenshots')

const THEMES: Theme[] = [
  { id: 't-budget', name: 'Budget', colour: '#0072b2', key: '1' },
  { id: 't-schools', name: 'Schools', colour: '#e69f00', key: '2' },
  { id: 't-jobs', name: 'Jobs', colour: '#009e73', key: '3' },
  { id: 't-housing', name: 'Housing', colour: '#cc79a7', key: '4' },
  { id: 't-transport', name: 'Transport', colour: '#56b4e9', key: '5' },
  { id: 't-opposition', name: 'Opposition', colour: '#d55e00', key: '6' },
]

test('Agreement view screenshot', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1024, height: 1180 })
  const index = await writeCorpus(join(app.dataDir, 'study.gloss'), agreementStudy(11, THEMES))
  await app.answerNextDialog(index)
  await page.getByRole('button', { name: 'Open session…' }).click()
  await new SessionPage(page).article.waitFor()
  await page.keyboard.press('Control+Shift+K')
  const view = page.getByRole('region', { name: 'Inter-coder agreement' })
  await expect(view.getByRole('table', { name: 'Agreement per theme' })).toBeVisible()
  await expect(view.getByRole('list', { name: 'Disagreements' })).toBeVisible()
  await page.screenshot({
    path: process.env.GLOSS_SCREENSHOT_PATH ?? 'docs/screenshots/agreement-view.png',
  })
})
