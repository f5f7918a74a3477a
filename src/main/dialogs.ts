// The Dialogs port: how handlers ask the analyst for a file path. The
// Electron implementation lives in dialogs-electron.ts; tests inject their own.
// Paths for opening and exporting only ever come from here, never from the renderer.

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface Dialogs {
  /** The chosen file, or null when the analyst cancels. */
  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>
  /** The chosen files (one or more, in the order given), or null when the analyst cancels. */
  openFiles(options: { title: string; filters: FileFilter[] }): Promise<string[] | null>
  /** The chosen destination, or null when the analyst cancels. */
  saveFile(options: {
    title: string
    defaultFileName: string
    filters: FileFilter[]
  }): Promise<string | null>
  /** The chosen folder (one that exists; the dialog may make it), or null when the analyst cancels. */
  openFolder(options: { title: string }): Promise<string | null>
}
