// The coders typed in "Make coder copies…", one per line: each name as it
// will be kept (trimmed), with what is wrong with it, if anything. Blank
// lines are skipped. Pure: the dialog shows the list, main checks again.
import { checkCoderName, coderKey, type CoderNameProblem } from '@shared/model/coders'

export type CoderLineProblem = Exclude<CoderNameProblem, 'empty'> | 'twice'

export interface CoderLine {
  name: string
  problem: CoderLineProblem | null
}

/** The names of `typed` (one per line), each with its problem; a name again is "twice". */
export function coderLines(typed: string): CoderLine[] {
  const seen = new Set<string>()
  const lines: CoderLine[] = []
  for (const line of typed.split(/\r\n|\n|\r/)) {
    const { name, problem } = checkCoderName(line)
    if (problem === 'empty') continue
    const key = coderKey(name)
    lines.push({ name, problem: problem ?? (seen.has(key) ? 'twice' : null) })
    seen.add(key)
  }
  return lines
}

/** The names to send when every line is right; null otherwise (or when there are none). */
export function namesToSend(lines: readonly CoderLine[]): string[] | null {
  if (lines.length === 0 || lines.some((l) => l.problem)) return null
  return lines.map((l) => l.name)
}
