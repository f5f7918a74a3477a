// The Gloss window's constructor options: the Electron security checklist as
// data. Plain TypeScript (type-only electron import), so Vitest checks every
// option without Electron, and electronegativity reads the same object literal
// inside `new BrowserWindow({ … })` (its checks only look at that expression).
import type { BrowserWindowConstructorOptions } from 'electron'

/** Anything built like a BrowserWindow: Electron's class, or a test double. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W

/**
 * Builds the main window with `BrowserWindow` (Electron's class in the app).
 * Keep the options inline: electronegativity analyses this literal, and
 * `mainWindowOptions` returns exactly what is passed here.
 */
export function constructMainWindow<W>(
  BrowserWindow: WindowConstructor<W>,
  preloadPath: string,
): W {
  return new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Gloss',
    backgroundColor: '#fbfaf7',
    webPreferences: {
      // The preload only exposes the contract (src/preload/index.ts) through contextBridge.
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Checklist item "disable Auxclick". Middle-clicks that open a window
      // are also refused by the window-open handler (guards.ts).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  })
}

/** Records the options it was constructed with. */
class OptionsRecorder {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

/** The exact options `constructMainWindow` passes to BrowserWindow. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return constructMainWindow(OptionsRecorder, preloadPath).options
}
