// Page objects for the codebook of a study: the codebook panel with its
// groups, and the theme picker, as an analyst uses them.
import { expect, type Locator, type Page } from '@playwright/test'

export class StudyCodebook {
  readonly dialog: Locator
  readonly status: Locator
  readonly add: Locator
  readonly scroller: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Codebook' })
    this.status = this.dialog.getByRole('status')
    this.add = this.dialog.getByRole('region', { name: 'Add a theme' })
    this.scroller = this.dialog.locator('.codebook-scroll')
  }

  async open() {
    await this.page.getByRole('button', { name: 'Codebook', exact: true }).click()
    await expect(this.dialog).toBeVisible()
  }

  async close() {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).click()
    await expect(this.dialog).toBeHidden()
  }

  /** The heading button of a group (shows or hides its themes). */
  group(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true })
  }

  /** The list of a group's themes. */
  groupThemes(name: string): Locator {
    return this.dialog.getByRole('list', { name: `Themes in ${name}` }).getByRole('listitem')
  }

  /** A theme's row. */
  row(name: string): Locator {
    return this.dialog
      .getByRole('listitem')
      .filter({ has: this.page.locator('.codebook-name', { hasText: new RegExp(`^${name}$`) }) })
  }

  /** "key name" of every theme shown, in order ("" for no key). */
  async order(): Promise<string[]> {
    return this.dialog
      .locator('.codebook-row')
      .evaluateAll((rows) =>
        rows.map(
          (li) =>
            `${li.querySelector('kbd')!.textContent} ${li.querySelector('.codebook-name')!.textContent}`,
        ),
      )
  }

  /** Opens a theme's edit form. */
  async edit(theme: string) {
    await this.dialog.getByRole('button', { name: `Edit ${theme}`, exact: true }).click()
    return this.dialog.getByRole('form', { name: `Edit ${theme}` })
  }

  /** Ctrl+Z with the focus on a button of the panel. */
  async undo() {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).focus()
    await this.page.keyboard.press('Control+z')
  }
}

export class ThemePickerPage {
  readonly dialog: Locator
  readonly input: Locator
  readonly options: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /Tag with a theme|Themes of this passage/ })
    this.input = this.dialog.getByRole('combobox', { name: 'Find a theme' })
    this.options = this.dialog.getByRole('option')
  }

  /** The option highlighted (what Enter applies). */
  active(): Locator {
    return this.dialog.getByRole('option', { selected: true })
  }
}
