// Test support: the one fake of the Dialogs port, for the native dialogs
// that cannot run here. Answers come from a queue the test fills; every
// question is remembered (kind, title, filters, proposed file name). With no
// answer queued it fails loudly by default, or cancels when built with
// { unanswered: 'cancel' }. A multi-select dialog (openFiles) is answered
// with an array of paths (a single path counts as one); a one-file dialog
// answered with an array fails loudly, as a test mistake. Used by the handler tests, the e2e harness and
// the bench; it must never answer a path the test did not give it.
import type { Dialogs, FileFilter } from '../dialogs'

/** A queued answer: one path, several (multi-select dialogs), or null (cancelled). */
export type DialogAnswer = string | readonly string[] | null

export interface AskedDialog {
  kind: 'open' | 'openFiles' | 'save' | 'openFolder'
  title: string
  /** None for a folder chooser. */
  filters: FileFilter[]
  defaultFileName?: string
}

export interface FakeDialogsOptions {
  /** What a dialog does with no answer queued: reject (default) or cancel. */
  unanswered?: 'fail' | 'cancel'
  /** Added to the error of an unexpected dialog: how the test should answer it. */
  hint?: string
}

export class FakeDialogs implements Dialogs {
  readonly answers: DialogAnswer[] = []
  readonly asked: AskedDialog[] = []

  constructor(private readonly options: FakeDialogsOptions = {}) {}

  /** Queues the answers of the next dialogs, in order (null cancels). */
  answer(...paths: DialogAnswer[]): this {
    this.answers.push(...paths)
    return this
  }

  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null> {
    this.asked.push({ kind: 'open', ...options })
    return this.next('open').then((a) => {
      if (typeof a === 'string' || a === null) return a
      throw new Error('Several paths answered a dialog that opens one file')
    })
  }

  openFiles(options: { title: string; filters: FileFilter[] }): Promise<string[] | null> {
    this.asked.push({ kind: 'openFiles', ...options })
    return this.next('openFiles').then((a) =>
      a === null ? null : typeof a === 'string' ? [a] : [...a],
    )
  }

  saveFile(options: {
    title: string
    defaultFileName: string
    filters: FileFilter[]
  }): Promise<string | null> {
    this.asked.push({ kind: 'save', ...options })
    return this.next('save').then((a) => {
      if (typeof a === 'string' || a === null) return a
      throw new Error('Several paths answered a save dialog')
    })
  }

  openFolder(options: { title: string }): Promise<string | null> {
    this.asked.push({ kind: 'openFolder', filters: [], ...options })
    return this.next('openFolder').then((a) => {
      if (typeof a === 'string' || a === null) return a
      throw new Error('Several paths answered a folder chooser')
    })
  }

  private next(kind: AskedDialog['kind']): Promise<DialogAnswer> {
    if (this.answers.length) return Promise.resolve(this.answers.shift()!)
    if (this.options.unanswered === 'cancel') return Promise.resolve(null)
    return Promise.reject(new Error(`Unexpected ${kind} dialog${this.options.hint ?? ''}`))
  }
}
