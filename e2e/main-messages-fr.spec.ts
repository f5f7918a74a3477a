// What the main process reports (load errors, save failures, read-only
// reasons, notices) reaches an analyst who works in French in French, with
// file names, paths and host names as they are.
import { existsSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'
import { lockFromAnotherMachine, readIndex, savedSession, sessionFolder } from './pages/data-folder'

/** Picks French in Settings on the start screen, as the analyst does. */
async function useFrench(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr')
  await expect(page.getByRole('dialog', { name: 'Réglages' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: 'Ouvrir l’article d’exemple' })).toBeVisible()
}

/** The session page, with the French names of the toolbar and save status. */
function frenchSession(page: Page) {
  const s = new SessionPage(page)
  const status = page.getByTestId('save-status')
  return {
    s,
    status,
    details: page.getByRole('region', { name: 'Détails du passage' }),
    async openSample() {
      await page.getByRole('button', { name: 'Ouvrir l’article d’exemple' }).click()
      await s.article.waitFor()
    },
    async tag(text: string, theme: string) {
      await s.selectWithMouse(text)
      await page
        .getByRole('toolbar', { name: 'Étiqueter la sélection' })
        .getByRole('button', { name: `Étiqueter : ${theme}` })
        .click()
    },
    async waitSaved() {
      await expect(status).toHaveText('Enregistré')
    },
  }
}

/** Gloss in French, the sample open, two passages tagged and saved. */
async function frenchSampleWithTwoPassages(page: Page) {
  await useFrench(page)
  const fr = frenchSession(page)
  await fr.openSample()
  await fr.tag('Croissance rapide', 'Growth')
  await fr.waitSaved()
  await fr.tag('Chaos', 'Culture')
  await fr.waitSaved()
  return fr
}

test('a damaged session is explained in French, and its recovery too', async ({ app }) => {
  const { page } = app
  const fr = await frenchSampleWithTwoPassages(page)
  await page.getByRole('button', { name: '← Sessions' }).click()
  const file = join(await sessionFolder(app.dataDir), 'session.json')
  // Closed: main has written what it writes on close and let the folder go.
  await expect.poll(() => existsSync(`${file}.lock`)).toBe(false)

  // The session's index is cut short behind Gloss's back.
  await writeFile(file, (await readFile(file)).subarray(0, 300))
  await page.getByRole('button', { name: /OpenAI/ }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(
    `Impossible d’ouvrir ${file} : ce n’est pas du JSON valide, le fichier est peut-être tronqué (`,
  )
  await expect(alert).toContainText(
    'Gloss a conservé la version enregistrée précédente (' +
      `${file.split('/').at(-1)}.bak) ; ouvrez-la pour récupérer votre travail.`,
  )
  await expect(alert).not.toContainText('Cannot open')

  await alert.getByRole('button', { name: 'Ouvrir la version précédente' }).click()
  // The passage list quotes in the French way.
  await expect(fr.s.passage('Croissance rapide').locator('.passage-quote')).toHaveText(
    '« Croissance rapide »',
  )
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'La version enregistrée précédente a été récupérée' }),
  ).toContainText(/Le fichier endommagé est conservé sous le nom .+\.corrupt-.+\.json\./)

  // A file that is not a session at all, opened with Open session…
  await page.getByRole('button', { name: '← Sessions' }).click()
  const empty = join(app.dataDir, 'vide.gloss.json')
  await writeFile(empty, '')
  await app.answerNextDialog(empty)
  await page.getByRole('button', { name: 'Ouvrir une session…' }).click()
  await expect(page.getByRole('alert')).toContainText(
    `Impossible d’ouvrir ${empty} : le fichier est vide.`,
  )
  await expect(page.getByRole('button', { name: 'Ouvrir la version précédente' })).toHaveCount(0)

  // An article that is not text, with Open article…
  const binary = join(app.dataDir, 'scan.txt')
  await writeFile(binary, Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x07]))
  await app.answerNextDialog(binary)
  await page.getByRole('button', { name: 'Ouvrir un article…' }).click()
  await expect(page.getByRole('alert')).toContainText('scan.txt n’est pas un fichier texte')
})

test('"Not saved" gives its reason in French, then the session saves again', async ({ app }) => {
  const { page } = app
  const fr = await frenchSampleWithTwoPassages(page)
  // Edits that do not scroll the article (a scroll would save too): the
  // themes of the passage still open in the details.
  const theme = (name: string) => fr.details.getByRole('button', { name })

  // The session folder is moved away while the session is open.
  const dir = await sessionFolder(app.dataDir)
  const away = join(app.dataDir, 'ailleurs')
  await rename(dir, away)
  await theme('Safety').click()
  await expect(fr.status).toHaveText('Non enregistré : le dossier n’existe plus')
  await rename(away, dir)
  await expect(fr.status).toHaveText('Enregistré', { timeout: 10_000 })

  // The article's file itself is deleted while open.
  await rm(join(dir, (await readIndex(dir)).articles[0]!.file))
  await theme('Secrecy').click()
  await expect(fr.status).toHaveText(
    'Non enregistré : le fichier de session a été déplacé ou supprimé ; Gloss va le réécrire à son emplacement',
  )
  await expect(fr.status).toHaveText('Enregistré', { timeout: 10_000 })
  const saved = await savedSession(app.dataDir)
  expect(saved.passages.map((p) => p.themeIds)).toEqual([
    ['growth'],
    ['culture', 'secrecy', 'safety'],
  ])
})

test('a session open in another Gloss says why it is read-only, in French', async ({ app }) => {
  const { page } = app
  await useFrench(page)
  const fr = frenchSession(page)
  await fr.openSample()
  await fr.tag('Croissance rapide', 'Growth')
  await fr.waitSaved()
  await page.getByRole('button', { name: '← Sessions' }).click()
  const folder = await sessionFolder(app.dataDir)
  const file = join(folder, 'session.json')
  // Closed: main has let the folder go (its own lock removed).
  await expect.poll(() => existsSync(`${file}.lock`)).toBe(false)

  // Another machine on a shared folder has the session open.
  await lockFromAnotherMachine(folder)
  await page.getByRole('button', { name: /OpenAI/ }).click()
  const banner = page.getByRole('status').filter({ hasText: 'Ouverte en lecture seule' })
  // The date in the analyst's language and time zone.
  await expect(banner).toContainText(
    /^Ouverte en lecture seule : cette session est ouverte dans un autre Gloss sur laptop-of-alex depuis le 27 nov\. 2026.+\. Fermez-la là-bas pour la modifier ici\./,
  )
  await expect(banner).toContainText(`supprimez ${file}.lock.`)
  await expect(page.getByText('Lecture seule', { exact: true })).toBeVisible()
})
