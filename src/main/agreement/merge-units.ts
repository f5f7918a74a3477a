// The units of several consecutive groups of articles (buildUnits run on a
// few articles at a time, so that main gives the event loop back between
// them) joined into the units of all of them, as one buildUnits call over
// every article would give: units and continua in article order, each
// theme's rows end to end, the missing and dropped counts added up.
// Pure; never changes its inputs.
import type { AgreementInput } from '@shared/agreement/report'
import type { Continuum, NominalUnits, SpanUnits } from '@shared/agreement/units'

export function mergeUnits(
  input: Pick<AgreementInput, 'unit' | 'coders' | 'themeIds'>,
  parts: readonly (NominalUnits | SpanUnits)[],
): NominalUnits | SpanUnits {
  const { coders, themeIds } = input
  if (input.unit === 'characters') {
    const themes = new Map(themeIds.map((id) => [id, [] as Continuum[]]))
    const missing = coders.map((coder) => ({ coder, articles: 0 }))
    const dropped = { articles: 0 }
    for (const part of parts) {
      if (part.kind !== 'characters') throw new Error('units of another kind')
      for (const [id, list] of part.themes) themes.get(id)!.push(...list)
      part.missing.forEach((m, c) => (missing[c]!.articles += m.articles))
      dropped.articles += part.dropped.articles
    }
    return { kind: 'characters', coders: [...coders], themes, missing, dropped }
  }
  const nominal = parts.map((part) => {
    if (part.kind === 'characters') throw new Error('units of another kind')
    return part
  })
  const units = nominal.flatMap((part) => part.units)
  const values = new Map<string, Int8Array[]>()
  for (const id of themeIds)
    values.set(
      id,
      coders.map((_, c) => {
        const row = new Int8Array(units.length)
        let at = 0
        for (const part of nominal) {
          const own = part.values.get(id)![c]!
          row.set(own, at)
          at += own.length
        }
        return row
      }),
    )
  const missing = coders.map((coder) => ({ coder, articles: 0, units: 0 }))
  const dropped = { articles: 0, units: 0 }
  for (const part of nominal) {
    part.missing.forEach((m, c) => {
      missing[c]!.articles += m.articles
      missing[c]!.units += m.units
    })
    dropped.articles += part.dropped.articles
    dropped.units += part.dropped.units
  }
  return { kind: input.unit, coders: [...coders], units, values, missing, dropped }
}
