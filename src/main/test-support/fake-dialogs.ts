// Test support: the one fake of the Dialogs port, for the native dialogs
// that cannot run here. Answers come from a queue the test fills; every
// question is remembered (kind, title, filters, proposed file name). With no
// answer queued it fails loudly by default, or cancels when built with
// { unanswered: 'cancel' }. Used by the handler tests, the e2e harness and
// the bench; it must never answer a path the test did not give it.
import type { Dialogs, FileFilter } from '../dialogs'

export interface AskedDialog {
  kind: 'open' | 'save'
  title: string
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
  readonly answers: (string | null)[] = []
  readonly asked: AskedDialog[] = []

  constructor(private readonly options: FakeDialogsOptions = {}) {}

  /** Queues the answers of the next dialogs, in order (null cancels). */
  answer(...paths: (string | null)[]): this {
    this.answers.push(...paths)
    return this
  }

  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null> {
    this.asked.push({ kind: 'open', ...options })
    return this.next('open')
  }

  saveFile(options: {
    title: string
    defaultFileName: string
    filters: FileFilter[]
  }): Promise<string | null> {
    this.asked.push({ kind: 'save', ...options })
    return this.next('save')
  }

  private next(kind: AskedDialog['kind']): Promise<string | null> {
    if (this.answers.length) return Promise.resolve(this.answers.shift()!)
    if (this.options.unanswered === 'cancel') return Promise.resolve(null)
    return Promise.reject(new Error(`Unexpected ${kind} dialog${this.options.hint ?? ''}`))
  }
}
