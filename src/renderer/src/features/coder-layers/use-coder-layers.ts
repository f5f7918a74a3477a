// What the session view needs to show coders apart, in one hook: the
// session's coders (use-session-coders.ts), which are hidden (the store of
// state/hidden-coders-store.ts, per session, in memory), the passages of
// the shown coders, each coder's stable slot (its mark, lib/coder-marks.ts)
// and the slots the article paints with (only when two or more of the
// coders shown have passages: with one, the article looks as it always did;
// a coder with none, such as an analyst who only opened articles, marks
// nothing). A session of one coder has no control and hides nothing.
import { useCallback, useMemo } from 'react'
import {
  hasSeveralCoders,
  passagesOfShownCoders,
  type CoderCount,
} from '@shared/model/session-coders'
import type { CorpusMeta } from '@shared/model/corpus'
import type { Passage } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { coderLabel } from '@renderer/lib/coder-label'
import { coderSlots } from '@renderer/lib/coder-marks'
import { hiddenCoders, useHiddenCoders } from '@renderer/state/hidden-coders-store'
import { useSessionCoders } from './use-session-coders'

/** How a coder is named and marked wherever passages are listed. */
export interface CoderDisplay {
  /** The coders offered (in the session's order). */
  names: readonly string[]
  /** The coder's name as shown ("(no coder)", "Consensus"). */
  label: (name: string) => string
  /** The coder's slot (its mark). */
  slotOf: (name: string) => number
}

export interface CoderLayers {
  /** Every coder of the session, in its order, with its passages. */
  coders: readonly CoderCount[]
  /** Two or more coders: the Coders control is shown. */
  several: boolean
  hidden: ReadonlySet<string>
  setHidden: (hidden: ReadonlySet<string>) => void
  /** Shows a hidden coder again. */
  show: (coder: string) => void
  /** The open article's passages of the shown coders (the same array when none is hidden). */
  visible: readonly Passage[]
  /** Each shown coder's slot when two or more shown coders have passages (the article then marks them), else null. */
  paintSlots: ReadonlyMap<string, number> | null
  /** The session's coders as the Passages view shows them (null: one coder, no coder column). */
  display: CoderDisplay | null
  /** The shown coders with passages as the passage list shows them (null: fewer than two). */
  shownDisplay: CoderDisplay | null
  /** The coders an export of "the filtered passages" keeps (null: every coder, none hidden). */
  exportCoders: readonly string[] | null
  /** A coder's name as shown ("(no coder)", "Consensus"). */
  label: (name: string) => string
}

export function useCoderLayers(
  sessionId: string,
  meta: CorpusMeta,
  passages: readonly Passage[],
  drained: () => Promise<void>,
): CoderLayers {
  const { t } = useI18n()
  const coders = useSessionCoders(sessionId, meta, passages, drained)
  const [storedHidden, setHidden] = useHiddenCoders(sessionId)
  const namesKey = coders.map((c) => c.name).join('\u0000')
  // The same array while the names are the same (the counts change with every edit).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const names = useMemo(() => coders.map((c) => c.name), [namesKey])
  const several = hasSeveralCoders(names)
  // A session of one coder hides nothing (what was hidden comes back if a second appears).
  const hidden = several ? storedHidden : NONE
  const slots = useMemo(() => coderSlots(names), [names])
  const shown = useMemo(() => names.filter((n) => !hidden.has(n)), [names, hidden])
  // The shown coders that have passages (a key: the counts change with every edit).
  const activeKey = JSON.stringify(
    coders.filter((c) => c.passages > 0 && !hidden.has(c.name)).map((c) => c.name),
  )
  const active = useMemo(() => JSON.parse(activeKey) as string[], [activeKey])
  const visible = useMemo(() => passagesOfShownCoders(passages, hidden), [passages, hidden])
  const paintSlots = useMemo(
    () => (active.length >= 2 ? new Map(active.map((n) => [n, slots.get(n)!])) : null),
    [active, slots],
  )
  const label = useCallback((name: string) => coderLabel(name, t), [t])
  const slotOf = useCallback((name: string) => slots.get(name) ?? slots.size - 1, [slots])
  const display = useMemo(
    () => (several ? { names, label, slotOf } : null),
    [several, names, label, slotOf],
  )
  const shownDisplay = useMemo(
    () => (active.length >= 2 ? { names: active, label, slotOf } : null),
    [active, label, slotOf],
  )
  const show = useCallback((coder: string) => hiddenCoders.show(sessionId, coder), [sessionId])
  return {
    coders,
    several,
    hidden,
    setHidden,
    show,
    visible,
    paintSlots,
    display,
    shownDisplay,
    exportCoders: shown.length < names.length ? shown : null,
    label,
  }
}

const NONE: ReadonlySet<string> = new Set()
