import type { Page } from '@playwright/test'
import type { MenuCommand } from '@shared/api'
import type { FileDrag } from './drag-files'

/** The `app` fixture: Gloss running on a temp data folder of its own. */
export interface GlossApp {
  /** The Gloss window, loaded on the start screen. */
  page: Page
  /** The temp data folder of this test. */
  dataDir: string
  /** Quits and relaunches Gloss on the same data folder; resolves to the new page. */
  restart(): Promise<Page>
  /**
   * The path the next native open/save dialog returns (null = cancelled); an
   * array answers a multi-select dialog (Add articles…) with several files.
   */
  answerNextDialog(path: string | readonly string[] | null): Promise<void>
  /**
   * Drags files from disk over the window (dragenter, dragover); drop() drops
   * them, leave() drags them away. Gloss reads their paths as in Electron.
   */
  dragFiles(paths: readonly string[]): Promise<FileDrag>
  /** Sends an app-menu command (File › Export CSV…, Edit › Undo …) as the menu would. */
  sendMenuCommand(command: MenuCommand): Promise<void>
}

export type { FileDrag }

/** Waits until Gloss shows the start screen, or the session that was open when it quit. */
export async function whenShown(page: Page): Promise<Page> {
  await page.locator('main.start, .session').first().waitFor()
  return page
}
