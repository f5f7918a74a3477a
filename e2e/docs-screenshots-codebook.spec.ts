// Regenerates the codebook screenshots in docs/screenshots/ (npm run
// screenshots): the codebook of a study (40 themes in 6 groups) and the
// theme picker. Skipped in the normal suite: the pictures are for people.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { writeStudy } from '../test-support/study-session'
import { test, expect } from './fixtures'
import { StudyCodebook, ThemePickerPage } from './pages/codebook-page'
import { SessionPage } from './pages/session-page'

test.skip(!process.env.GLOSS_SCREENSHOTS, 'run with npm run screenshots')

test('codebook of a study and theme picker screenshots', async ({ app }) => {
  const { page } = app
  const parent = await mkdtemp(`${tmpdir()}/gloss-screenshot-study-`)
  try {
    const study = await writeStudy(parent)
    await app.answerNextDialog(study.indexPath)
    await page.getByRole('button', { name: 'Open session…' }).click()
    const s = new SessionPage(page)
    await s.article.waitFor()
    await page.setViewportSize({ width: 1280, height: 900 })

    const cb = new StudyCodebook(page)
    await cb.open()
    await cb.group('Economy').click()
    await cb.group('Politics').click()
    await cb.row('Pay').getByRole('button', { name: 'Merge Pay into another theme' }).click()
    await cb.dialog
      .getByRole('combobox', { name: 'Merge Pay into' })
      .selectOption({ label: 'Wages' })
    await expect(cb.dialog).toContainText('Pay is on 3 passages in 3 articles.')
    await page.screenshot({ path: 'docs/screenshots/codebook-groups.png' })
    await cb.dialog.getByRole('button', { name: 'Cancel' }).click()
    await cb.close()

    const picker = new ThemePickerPage(page)
    await s.selectWithMouse('The port authority declined to comment')
    await page.keyboard.press('t')
    await picker.input.fill('ion')
    await expect(picker.options.first()).toHaveText(/^Unions/)
    await page.keyboard.press('ArrowDown')
    await page.screenshot({ path: 'docs/screenshots/theme-picker.png' })
  } finally {
    await rm(parent, { recursive: true, force: true })
  }
})
