// Article attributes, as an analyst uses them on a session of several
// articles: the details panel (title, outlet, date, custom attributes, with
// translated checks), undo and redo of each change, values kept after a
// restart, custom attributes added and deleted, one value set for every
// article at once, and attribute CSV imports (a file with problems changes
// nothing; a good one is one undo step).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { AttributeDef, CorpusIndex } from '@shared/model/corpus'
import { readIndex, writeSessionFolder, type ArticleSpec } from '../test-support/session-folder'
import { test, expect, type GlossApp } from './fixtures'
import { SessionPage } from './pages/session-page'

const SECTION: AttributeDef = {
  id: 'attr-section-k3x9q2',
  name: 'Section',
  type: 'category',
  values: ['Économie', 'Politique', 'Sport'],
}

const ARTICLES: ArticleSpec[] = [
  {
    title: 'Grève à la SNCF',
    sourceFileName: 'greve.txt',
    text: 'Les cheminots ont voté la grève.\n\nLe trafic sera perturbé jeudi.',
    attributes: { language: 'fr' },
  },
  {
    title: 'Budget 2025',
    sourceFileName: 'budget.md',
    text: 'Le budget a été adopté en première lecture.',
  },
  {
    title: 'Coupe du monde',
    sourceFileName: 'coupe.txt',
    text: 'La finale a réuni vingt millions de téléspectateurs.',
    attributes: { outlet: 'L’Équipe' },
  },
]

let work: string
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'gloss-e2e-attributes-'))
})
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

/** A session of three articles written on disk, opened with "Open session…". */
async function openCorpus(app: GlossApp, articles: ArticleSpec[] = ARTICLES) {
  const dir = join(work, 'revue-de-presse.gloss')
  const index = await writeSessionFolder(dir, { articles, attributeDefs: [SECTION] })
  await app.answerNextDialog(index)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  const s = new SessionPage(app.page)
  await expect(s.article).toBeVisible()
  return { s, dir, details: new DetailsPanel(app.page) }
}

/** The article details panel and what an analyst does in it. */
class DetailsPanel {
  readonly dialog: Locator
  readonly status: Locator
  readonly defs: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Article details' })
    this.status = this.dialog.getByRole('status')
    this.defs = this.dialog.getByRole('region', { name: 'Attributes of this session' })
  }

  async open() {
    await this.page.getByRole('button', { name: 'Details', exact: true }).click()
    await expect(this.dialog).toBeVisible()
  }

  field(label: string): Locator {
    return this.dialog
      .getByRole('region', { name: 'Fields of this article' })
      .getByLabel(label, { exact: true })
  }

  /** Types a value and leaves the field (Tab), which saves it. */
  async set(label: string, value: string) {
    await this.field(label).fill(value)
    await this.field(label).press('Tab')
  }

  /** Ctrl+Z / Ctrl+Shift+Z with the focus on the panel's Close button. */
  async undo(redo = false) {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).focus()
    await this.page.keyboard.press(redo ? 'Control+Shift+z' : 'Control+z')
  }
}

const article = (index: CorpusIndex, title: string) => {
  const a = index.articles.find((x) => x.title === title)
  if (!a) throw new Error(`no article ${title}`)
  return a
}

test('edits the open article’s title, outlet, date and category, each change one undo step', async ({
  app,
}) => {
  const { s, dir, details } = await openCorpus(app)
  // Ctrl+I opens the panel too.
  await app.page.keyboard.press('Control+i')
  await expect(details.dialog).toBeVisible()
  await expect(details.dialog).toContainText('File: greve.txt')
  await expect(details.field('Language')).toHaveValue('fr')

  await details.set('Outlet', '  Le Monde ')
  await expect(details.status).toHaveText('Outlet changed. Ctrl+Z undoes it.')
  await expect(details.field('Outlet')).toHaveValue('Le Monde')
  await details.field('Published').fill('2024-03-15')
  await details.field('Published').press('Enter')
  await details.field('Section').selectOption('Politique')
  await details.set('Title', 'Grève à la SNCF : jeudi noir')
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(
    'Grève à la SNCF : jeudi noir',
  )
  await s.waitSaved()
  await expect
    .poll(async () => article(await readIndex(dir), 'Grève à la SNCF : jeudi noir').attributes)
    .toEqual({
      language: 'fr',
      outlet: 'Le Monde',
      published: '2024-03-15',
      [SECTION.id]: 'Politique',
    })

  // An empty title is refused, in words, and nothing changes.
  await details.set('Title', '   ')
  await expect(details.dialog.getByRole('alert')).toHaveText('An article needs a title.')
  await expect(details.field('Title')).toHaveAttribute('aria-invalid', 'true')
  await details.field('Title').press('Escape')
  await expect(details.field('Title')).toHaveValue('Grève à la SNCF : jeudi noir')
  await expect(details.dialog).toBeVisible()

  await app.page.screenshot({ path: test.info().outputPath('details-panel.png') })

  // Each field was one step: undo the title, then the section; redo the section.
  await details.undo()
  await expect(details.field('Title')).toHaveValue('Grève à la SNCF')
  await details.undo()
  await expect(details.field('Section')).toHaveValue('')
  await expect(details.field('Published')).toHaveValue('2024-03-15')
  await details.undo(true)
  await expect(details.field('Section')).toHaveValue('Politique')
  await s.waitSaved()
  await expect
    .poll(async () => {
      const a = article(await readIndex(dir), 'Grève à la SNCF')
      return [a.attributes.outlet, a.attributes[SECTION.id]]
    })
    .toEqual(['Le Monde', 'Politique'])
})

test('keeps what the panel set after a restart', async ({ app }) => {
  const { s, details } = await openCorpus(app)
  await details.open()
  await details.set('Outlet', 'Le Monde')
  await details.field('Published').fill('2024-03-15')
  await details.field('Published').press('Enter')
  await details.field('Section').selectOption('Politique')
  await s.waitSaved()

  // Quit with the session open: it reopens by itself, values kept.
  const page = await app.restart()
  const again = new DetailsPanel(page)
  await again.open()
  await expect(again.field('Outlet')).toHaveValue('Le Monde')
  await expect(again.field('Published')).toHaveValue('2024-03-15')
  await expect(again.field('Section')).toHaveValue('Politique')
  // Esc closes the panel.
  await again.field('Section').press('Escape')
  await expect(again.dialog).toBeHidden()
})

test('adds a number attribute and refuses a decimal comma and a builtin’s name', async ({
  app,
}) => {
  const { s, dir, details } = await openCorpus(app)
  await details.open()
  const add = details.defs.getByRole('form', { name: 'Add an attribute' })
  await add.getByLabel('Name').fill('Words')
  await add.getByLabel('Type').selectOption('Number')
  await add.getByRole('button', { name: 'Add attribute' }).click()
  await expect(details.status).toHaveText('Attribute “Words” added. Ctrl+Z undoes it.')
  await expect(add.getByLabel('Name')).toHaveValue('')

  // A name taken by a builtin is refused.
  await add.getByLabel('Name').fill('outlet')
  await add.getByRole('button', { name: 'Add attribute' }).click()
  await expect(add.getByRole('alert')).toContainText('builtin attributes’ names are taken')

  await details.set('Words', '1,5')
  await expect(details.dialog.getByRole('alert').first()).toHaveText(
    'Not a number: use digits, with a point for decimals (1234.5).',
  )
  await details.set('Words', '1200.50')
  await expect(details.field('Words')).toHaveValue('1200.5')
  await s.waitSaved()
  const words = (await readIndex(dir)).attributeDefs.find((d) => d.name === 'Words')!
  expect(words.id).toMatch(/^attr-words-[a-z0-9]{6}$/)
  expect(article(await readIndex(dir), 'Grève à la SNCF').attributes[words.id]).toBe('1200.5')
})

test('edits a category’s name and values, and deletes it, saying how many articles lose a value', async ({
  app,
}) => {
  const [greve, ...others] = ARTICLES
  const { s, dir, details } = await openCorpus(app, [
    { ...greve!, attributes: { ...greve!.attributes, [SECTION.id]: 'Sport' } },
    ...others,
  ])
  await details.open()

  // Edit Section: rename it, respell a value (articles follow), remove Sport (held by one article).
  await details.defs.getByRole('button', { name: 'Edit Section' }).click()
  const form = details.defs.getByRole('form', { name: 'Edit Section' })
  await form.getByLabel('Name').fill('Rubrique')
  await form.getByRole('textbox', { name: 'Value 1' }).fill('Economy')
  await form.getByRole('button', { name: 'Remove Sport' }).click()
  await form.getByRole('textbox', { name: 'New value' }).fill('Culture')
  await form.getByRole('textbox', { name: 'New value' }).press('Enter')
  await form.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(form).toContainText(
    '1 article loses its value: it no longer fits and is cleared. Save anyway?',
  )
  await expect(form).toContainText('Values removed: Sport.')
  await form.getByRole('button', { name: 'Save and clear' }).click()
  await expect(details.status).toHaveText('Attribute “Rubrique” changed. Ctrl+Z undoes it.')
  await expect(details.field('Rubrique')).toHaveValue('')
  await s.waitSaved()
  await expect
    .poll(async () => (await readIndex(dir)).attributeDefs.find((d) => d.id === SECTION.id))
    .toEqual({ ...SECTION, name: 'Rubrique', values: ['Economy', 'Politique', 'Culture'] })
  await details.undo()
  await expect(details.field('Section')).toHaveValue('Sport')

  // Delete Section: the confirmation says how many articles lose a value.
  await details.defs.getByRole('button', { name: 'Delete Section' }).click()
  const confirm = details.defs.getByRole('group', { name: 'Delete Section' })
  await expect(confirm).toContainText('Delete “Section”? 1 article loses its value.')
  await confirm.getByRole('button', { name: 'Delete attribute' }).click()
  await expect(details.field('Section')).toHaveCount(0)
  await s.waitSaved()
  await expect.poll(async () => (await readIndex(dir)).attributeDefs).toEqual([])
  expect(article(await readIndex(dir), 'Grève à la SNCF').attributes).not.toHaveProperty(SECTION.id)

  // One Ctrl+Z brings the attribute and its value back.
  await details.undo()
  await expect(details.field('Section')).toHaveValue('Sport')
  await s.waitSaved()
  await expect
    .poll(async () => article(await readIndex(dir), 'Grève à la SNCF').attributes[SECTION.id])
    .toBe('Sport')
})

test.describe('in French', () => {
  test.use({ systemLocale: 'fr-FR' })

  test('the panel speaks French, its checks too', async ({ app }) => {
    const dir = join(work, 'revue.gloss')
    const words: AttributeDef = { id: 'attr-mots-aaaaaa', name: 'Mots', type: 'number' }
    await app.answerNextDialog(
      await writeSessionFolder(dir, { articles: ARTICLES, attributeDefs: [words] }),
    )
    await app.page.getByRole('button', { name: 'Ouvrir une session…' }).click()
    await app.page.getByRole('button', { name: 'Détails', exact: true }).click()
    const dialog = app.page.getByRole('dialog', { name: 'Détails de l’article' })
    await expect(dialog.getByLabel('Média', { exact: true })).toHaveValue('')
    await dialog.getByLabel('Mots', { exact: true }).fill('1,5')
    await dialog.getByLabel('Mots', { exact: true }).press('Enter')
    await expect(dialog.getByRole('alert')).toHaveText(
      'Pas un nombre : utilisez des chiffres, avec un point pour les décimales (1234.5).',
    )
    expect(article(await readIndex(dir), 'Grève à la SNCF').attributes).toEqual({ language: 'fr' })
  })
})

test('sets one attribute for every article of the session in one step', async ({ app }) => {
  const { s, dir, details } = await openCorpus(app)
  await details.open()
  await details.dialog.getByRole('button', { name: 'Set attribute for all articles…' }).click()
  const bulk = app.page.getByRole('dialog', { name: 'Set an attribute' })
  await expect(bulk).toContainText('For the 3 articles chosen.')
  await bulk.getByLabel('Attribute').selectOption('Outlet')
  await bulk.getByLabel('Value').fill('L’Équipe')
  await expect(bulk).toContainText('1 of them already has this value.')
  await app.page.screenshot({ path: test.info().outputPath('bulk-dialog.png') })
  await bulk.getByLabel('Value').fill('Le Monde')
  await bulk.getByRole('button', { name: 'Set for 3 articles' }).click()
  await expect(bulk.getByRole('status')).toHaveText('Outlet set for 3 articles. Ctrl+Z undoes it.')
  await s.waitSaved()
  await expect
    .poll(async () => (await readIndex(dir)).articles.map((a) => a.attributes.outlet))
    .toEqual(['Le Monde', 'Le Monde', 'Le Monde'])

  await bulk.getByLabel('Attribute').selectOption('Published')
  await bulk.getByLabel('Value').fill('2024-03-15')
  await bulk.getByRole('button', { name: 'Set for 3 articles' }).click()
  await expect(bulk.getByRole('status')).toHaveText(
    'Published set for 3 articles. Ctrl+Z undoes it.',
  )

  // Each was one step: two undos give back the outlets as they were.
  await bulk.getByRole('button', { name: 'Close' }).click()
  await details.undo()
  await details.undo()
  await expect(details.field('Outlet')).toHaveValue('')
  await s.waitSaved()
  await expect
    .poll(async () =>
      (await readIndex(dir)).articles.map((a) => [a.attributes.outlet, a.attributes.published]),
    )
    .toEqual([
      [undefined, undefined],
      [undefined, undefined],
      ['L’Équipe', undefined],
    ])
})

test('imports an attribute CSV: every problem listed and nothing changed; a good file in one undo step', async ({
  app,
}) => {
  const { s, dir, details } = await openCorpus(app)
  await details.open()
  const before = await readIndex(dir)

  const bad = join(work, 'attributs.csv')
  await writeFile(
    bad,
    '\uFEFFtitle;outlet;published;Section\r\n' +
      'Grève à la SNCF;Le Monde;15/03/2024;Politique\r\n' +
      'Budget 2026;Les Échos;2025-01-02;Économie\r\n' +
      'Coupe du monde;L’Équipe;2022-12-18;Culture\r\n',
  )
  await app.answerNextDialog(bad)
  await details.dialog.getByRole('button', { name: 'Import CSV…' }).click()
  const report = details.dialog.getByRole('alert')
  await expect(report).toContainText('attributs.csv was not imported; nothing changed:')
  await report.scrollIntoViewIfNeeded()
  await app.page.screenshot({ path: test.info().outputPath('import-report.png') })
  await expect(report.getByRole('listitem')).toHaveText([
    'Row 2, published: “15/03/2024” is not a date written YYYY-MM-DD.',
    'Row 3: no article is titled “Budget 2026”.',
    'Row 4, Section: “Culture” is not one of the category’s values.',
  ])
  expect(await readIndex(dir)).toEqual(before)

  const good = join(work, 'attributs-corrigés.csv')
  await writeFile(
    good,
    'file,outlet,published,section\n' +
      'greve.txt,Le Monde,2024-03-15,politique\n' +
      'budget.md,Les Échos,2025-01-02,Économie\n',
  )
  await app.answerNextDialog(good)
  await details.dialog.getByRole('button', { name: 'Import CSV…' }).click()
  await expect(details.status).toHaveText(
    'attributs-corrigés.csv: 2 articles changed. Ctrl+Z undoes it.',
  )
  await expect(report).toHaveCount(0)
  await expect(details.field('Section')).toHaveValue('Politique')
  await s.waitSaved()
  await expect
    .poll(async () => (await readIndex(dir)).articles.map((a) => a.attributes))
    .toEqual([
      { language: 'fr', outlet: 'Le Monde', published: '2024-03-15', [SECTION.id]: 'Politique' },
      { outlet: 'Les Échos', published: '2025-01-02', [SECTION.id]: 'Économie' },
      { outlet: 'L’Équipe' },
    ])

  // One Ctrl+Z undoes the whole import.
  await details.undo()
  await expect(details.field('Section')).toHaveValue('')
  await s.waitSaved()
  await expect
    .poll(async () => (await readIndex(dir)).articles.map((a) => a.attributes))
    .toEqual(before.articles.map((a) => a.attributes))
})
