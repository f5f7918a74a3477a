import type { Page } from '@playwright/test'
import type { MenuCommand } from '@shared/api'

/** The `app` fixture: Gloss running on a temp data folder of its own. */
export interface GlossApp {
  /** The Gloss window, loaded on the start screen. */
  page: Page
  /** The temp data folder of this test. */
  dataDir: string
  /** Quits and relaunches Gloss on the same data folder; resolves to the new page. */
  restart(): Promise<Page>
  /** The path the next native open/save dialog returns (null = cancelled). */
  answerNextDialog(path: string | null): Promise<void>
  /** Sends an app-menu command (File › Export CSV…, Edit › Undo …) as the menu would. */
  sendMenuCommand(command: MenuCommand): Promise<void>
}

/** Waits until Gloss shows the start screen, or the session that was open when it quit. */
export async function whenShown(page: Page): Promise<Page> {
  await page.locator('main.start, .session').first().waitFor()
  return page
}
