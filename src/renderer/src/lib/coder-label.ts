// A coder's name as the UI shows it: "(no coder)" for passages without one,
// "Consensus" for the consensus coder, the name otherwise. Pure.
import { CONSENSUS_CODER } from '@shared/model/corpus'
import { NO_CODER } from '@shared/model/session-coders'

export function coderLabel(
  name: string,
  t: (key: 'coders.none' | 'coders.consensus') => string,
): string {
  if (name === NO_CODER) return t('coders.none')
  if (name === CONSENSUS_CODER) return t('coders.consensus')
  return name
}
