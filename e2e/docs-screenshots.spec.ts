// Regenerates the screenshots in docs/ (npm run screenshots). Skipped in the
// normal suite: it asserts only that the scenes render, the pictures are for people.
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

test.skip(!process.env.GLOSS_SCREENSHOTS, 'run with npm run screenshots')

test('session and start screen screenshots', async ({ app }) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('un ingénieur du nom de Calvin French-Owen', 'Culture')
  await s.tag('Calvin French-Owen, qui a travaillé sur l’un des nouveaux produits', 'Growth')
  await s.tag('Croissance rapide', 'Growth')
  await s.tag('Openai est passé de 1 000 à 3 000 personnes', 'Growth')
  await s.details.getByRole('button', { name: 'Culture' }).click()
  await s.details
    .getByRole('textbox', { name: 'Note' })
    .fill('Triplement des effectifs en un an.\nÀ relier au « chaos ».')
  await s.details.getByRole('textbox', { name: 'Note' }).blur()
  await s.tag('Chaos', 'Culture')
  await s.tag('pas parti à cause d’un «drame»', 'Secrecy')
  await s.passage('Croissance rapide').click()
  await app.page.locator('.article-scroller').evaluate((el) => (el.scrollTop = 0))
  await s.selectWithMouse('les plus prometteurs')
  await expect(s.toolbar).toBeVisible()
  await s.waitSaved()
  await app.page.screenshot({ path: 'docs/screenshot-session.png' })

  await app.page.keyboard.press('Escape')
  await app.page.getByRole('button', { name: '← Sessions' }).click()
  await expect(app.page.getByRole('button', { name: /OpenAI/ })).toBeVisible()
  await app.page.screenshot({ path: 'docs/screenshot-start.png' })
})

test('summary screenshot', async ({ app }) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('un ingénieur du nom de Calvin French-Owen', 'Culture')
  await s.tag('Calvin French-Owen, qui a travaillé sur l’un des nouveaux produits', 'Growth')
  await s.tag('Croissance rapide', 'Growth')
  await s.tag('Openai est passé de 1 000 à 3 000 personnes', 'Growth')
  await s.details.getByRole('button', { name: 'Culture' }).click()
  await s.tag('Chaos', 'Culture')
  await s.tag('pas parti à cause d’un «drame»', 'Secrecy')
  await s.tag('une culture du secret', 'Secrecy')
  await s.tag('la sécurité pratique', 'Safety')
  await s.tag('Les gouvernements regardent', 'Safety')
  await s.details.getByRole('button', { name: 'Safety' }).click()
  await app.page.keyboard.press('Escape')
  await s.waitSaved()
  await app.page.setViewportSize({ width: 1280, height: 1240 })
  await app.page.getByRole('button', { name: 'Summary' }).click()
  await expect(app.page.getByRole('region', { name: 'Summary' })).toBeVisible()
  await s.waitSaved()
  await app.page.screenshot({ path: 'docs/screenshot-summary.png' })
})
