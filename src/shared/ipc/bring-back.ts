// What "Bring coders' work back…" sends the renderer: the coder copies
// chosen (their paths stay in main, behind a token), then the report and
// the undo step. Types only.
import type { MessageRef } from '../main-messages'
import type { CoderReport } from '../model/bring-back'
import type { CorpusEdit } from '../model/corpus-edits'

export type { CoderReport }

/** Coder copies chosen in the open dialog: their names, and the token that brings them back. */
export interface CoderCopiesChosen {
  token: string
  files: string[]
}

/** A coder copy that cannot be brought back, and why. */
export interface BringBackProblem {
  file: string
  problem: MessageRef | string
}

/**
 * What bringing coder copies back did. With any problem nothing was
 * brought back: `problems` lists every one, `fine` the files that could be
 * brought back alone. Otherwise one report per coder, and the step main
 * applied (its edits, and the edits that undo it) for the renderer's
 * history.
 */
export interface BringBackResult {
  problems: BringBackProblem[]
  fine: string[]
  coders: CoderReport[]
  forward: CorpusEdit[]
  backward: CorpusEdit[]
  /** Brought back but not written yet (main writes it with the next save): why. */
  notSaved?: MessageRef | string
}
