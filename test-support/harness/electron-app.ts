// Gloss in real Electron, through Playwright's _electron.launch, when the
// Electron binary is installed. Native dialogs are answered by patching
// electron.dialog in the main process.
import { _electron, type ElectronApplication, type Page } from '@playwright/test'
import { resolve } from 'node:path'
import {
  electronPackageDir,
  ensureElectron,
  installedElectron,
} from '../../scripts/ensure-electron.mjs'
import type { MenuCommand } from '@shared/api'
import { MENU_CHANNEL } from '@shared/ipc/names'
import { dragFiles } from './drag-files'
import { whenShown, type GlossApp } from './types'

/**
 * The Electron binary's path, or why there is none. `download` lets Electron's
 * own installer fetch it when it is missing, as `npm start` does (the runner
 * asks once; workers only look).
 */
export function findElectron({ download = false } = {}): { path: string } | { missing: string } {
  try {
    const dir = electronPackageDir()
    if (download) {
      const found = ensureElectron({ dir })
      // The first line of the message says what is missing.
      return 'missing' in found ? { missing: found.missing.split('\n')[0]! } : found
    }
    const path = installedElectron(dir)
    return path ? { path } : { missing: 'the Electron binary is not installed' }
  } catch (e) {
    return { missing: `the electron package is not installed (${(e as Error).message})` }
  }
}

export async function launchElectronApp(
  executablePath: string,
  dataDir: string,
  /** The system language Electron reports (app.getLocale(), navigator.languages). */
  locale = 'en-GB',
): Promise<GlossApp & { close(): Promise<void> }> {
  let electronApp: ElectronApplication

  async function start(): Promise<Page> {
    electronApp = await _electron.launch({
      executablePath,
      args: [`--lang=${locale}`, resolve('out/main/index.js')],
      env: { ...process.env, GLOSS_DATA_DIR: dataDir },
    })
    return whenShown(await electronApp.firstWindow())
  }

  const app = {
    page: await start(),
    dataDir,
    async restart() {
      await electronApp.close()
      app.page = await start()
      return app.page
    },
    async answerNextDialog(path: string | readonly string[] | null) {
      await electronApp.evaluate(
        ({ dialog }, answer) => {
          type Answer = string | string[] | null
          const g = globalThis as unknown as { __glossAnswers?: Answer[] }
          if (!g.__glossAnswers) {
            g.__glossAnswers = []
            const next = () => {
              const a = g.__glossAnswers!.shift()
              if (a === undefined) throw new Error('Unexpected dialog')
              return a
            }
            const optionsOf = (args: unknown[]) =>
              (args.length > 1 ? args[1] : args[0]) as { properties?: string[] } | undefined
            dialog.showOpenDialog = (...args: unknown[]) => {
              const a = next()
              const multiple = optionsOf(args)?.properties?.includes('multiSelections') ?? false
              if (Array.isArray(a) && !multiple)
                throw new Error('Several paths answered a dialog that opens one file')
              const filePaths = a === null ? [] : Array.isArray(a) ? a : [a]
              return Promise.resolve({ canceled: a === null, filePaths })
            }
            dialog.showSaveDialog = () => {
              const a = next()
              if (Array.isArray(a)) throw new Error('Several paths answered a save dialog')
              return Promise.resolve({ canceled: a === null, filePath: a ?? '' })
            }
          }
          g.__glossAnswers.push(answer)
        },
        path === null || typeof path === 'string' ? path : [...path],
      )
    },
    // Files from a file input are on disk in Electron: webUtils.getPathForFile gives their paths.
    dragFiles: (paths: readonly string[]) => dragFiles(app.page, paths),
    async sendMenuCommand(command: MenuCommand) {
      await electronApp.evaluate(
        ({ BrowserWindow }, [channel, c]) =>
          BrowserWindow.getAllWindows()[0]?.webContents.send(channel, c),
        [MENU_CHANNEL, command] as const,
      )
    },
    close: () => electronApp.close(),
  }
  return app
}
