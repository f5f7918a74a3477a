// Unitizing alpha against the published examples of Krippendorff (2004) and
// Krippendorff (1995), as DKPro Statistics' tests state them, and on the
// edge cases; then its pooling over articles and its cost.
import { describe, expect, it } from 'vitest'
import {
  unitizingAlpha,
  unitizingAlphaAcrossThemes,
  unitizingAlphaOver,
  unitizingDisagreement,
  type CodedSpan,
  type UnitizingDisagreement,
  type UnitizingInput,
} from './unitizing'

/** Spans as [coder, start, length], the way both publications list them. */
function spans(list: readonly (readonly [number, number, number])[], scale = 1): CodedSpan[] {
  return list.map(([coder, start, length]) => ({
    coder,
    start: start * scale,
    end: (start + length) * scale,
  }))
}

describe('Krippendorff (2004), the example of §12.4: 2 coders, a continuum of 300, themes c and k', () => {
  // The book's continuum runs from 150 to 450; here it starts at 0.
  const c: UnitizingInput = {
    length: 300,
    coders: 2,
    spans: spans([
      [0, 75, 70],
      [0, 220, 30],
      [1, 70, 80],
      [1, 205, 20],
      [1, 250, 20],
    ]),
  }
  const k: UnitizingInput = {
    length: 300,
    coders: 2,
    spans: spans([
      [0, 30, 60],
      [0, 150, 50],
      [1, 30, 60],
      [1, 150, 50],
    ]),
  }

  it('theme c: D_o = .0144, D_e = .0532, αu = .7286', () => {
    const d = unitizingDisagreement([c])
    expect(d.observed).toBeCloseTo(0.0144, 4)
    expect(d.expected).toBeCloseTo(0.0532, 4)
    expect(unitizingAlpha(c)).toMatchObject({ units: 1, excluded: 0 })
    expect(unitizingAlpha(c).value).toBeCloseTo(0.7286, 4)
  })

  it('theme k (identical spans): D_o = 0, D_e = .0490, αu = 1', () => {
    const d = unitizingDisagreement([k])
    expect(d.observed).toBe(0)
    expect(d.expected).toBeCloseTo(0.049, 4)
    expect(unitizingAlpha(k).value).toBe(1)
  })

  it('both themes: αu = .8591 from the book’s rounded D (.8587 unrounded)', () => {
    // 1 − Σ D_o / Σ D_e over the themes; the book divides its four-decimal
    // values, 1 − .0144 / (.0532 + .0490) = .8591
    const themes = [unitizingDisagreement([c]), unitizingDisagreement([k])]
    const rounded = (x: number) => Math.round(x * 10_000) / 10_000
    const [dc, dk] = themes as [UnitizingDisagreement, UnitizingDisagreement]
    const fromRounded = 1 - rounded(dc.observed) / (rounded(dc.expected) + rounded(dk.expected))
    expect(fromRounded).toBeCloseTo(0.8591, 4)
    const overall = unitizingAlphaAcrossThemes(themes)
    expect(overall.value).toBeCloseTo(0.8587, 4)
    expect(overall).toMatchObject({ units: 1, excluded: 0 })
  })
})

describe('Krippendorff (1995, p. 57): four pairs of coders, a continuum of 24', () => {
  const themes = {
    // Bertha and Bill
    A: [
      [0, 2, 8],
      [0, 14, 6],
      [1, 4, 4],
      [1, 15, 2],
    ],
    // John and Jill (Jill's units touch one another)
    B: [
      [0, 0, 18],
      [1, 0, 2],
      [1, 2, 1],
      [1, 3, 1],
      [1, 4, 1],
      [1, 5, 1],
      [1, 6, 3],
      [1, 9, 1],
    ],
    // Gerret and Gill
    C: [
      [0, 2, 6],
      [0, 10, 2],
      [0, 14, 4],
      [0, 20, 2],
      [1, 0, 2],
      [1, 4, 4],
      [1, 10, 4],
      [1, 16, 2],
      [1, 20, 2],
    ],
    // Heather and Hill: both cover everything, cut in different places
    D: [
      [0, 0, 2],
      [0, 2, 8],
      [0, 10, 4],
      [0, 14, 6],
      [0, 20, 4],
      [1, 0, 4],
      [1, 4, 4],
      [1, 8, 7],
      [1, 15, 2],
      [1, 17, 7],
    ],
  } as const
  const theme = (name: keyof typeof themes, scale = 1): UnitizingInput => ({
    length: 24 * scale,
    coders: 2,
    spans: spans(themes[name], scale),
  })

  it('observed disagreement: A .03125, B 2.26736, C .02777, D .38715 (within .00001)', () => {
    const published = { A: 0.03125, B: 2.26736, C: 0.02777, D: 0.38715 }
    for (const name of ['A', 'B', 'C', 'D'] as const) {
      const observed = unitizingDisagreement([theme(name)]).observed
      expect(Math.abs(observed - published[name]), name).toBeLessThan(0.00001)
    }
  })

  it('theme C at half scale: D_e = .05494, as DKPro Statistics computes it', () => {
    // DKPro's test halves every position and length, truncating (2.5 → 2)
    const half = (list: readonly (readonly [number, number, number])[]) =>
      list.map(
        ([coder, start, length]) => [coder, Math.trunc(start / 2), Math.trunc(length / 2)] as const,
      )
    const input = { length: 12, coders: 2, spans: spans(half(themes.C)) }
    expect(unitizingDisagreement([input]).expected).toBeCloseTo(0.05494, 5)
  })

  // The paper's expected disagreements are those of a continuous continuum:
  // the same positions 50,000 times finer come within DKPro's stated .005 of
  // them, and the alphas within its .02 (DKPro notes a small error in the
  // paper's D_e).
  it('on a fine continuum: αu A .553, B −.926, C .679, D .066', () => {
    const fine = 50_000
    const expected = { A: 0.0699, B: 1.17731, C: 0.08642, D: 0.41445 }
    const alphas = { A: 0.553, B: -0.926, C: 0.679, D: 0.066 }
    for (const name of ['A', 'B', 'C', 'D'] as const) {
      const d = unitizingDisagreement([theme(name, fine)])
      expect(Math.abs(d.expected - expected[name]), name).toBeLessThan(0.005)
      expect(Math.abs(unitizingAlpha(theme(name, fine)).value! - alphas[name]), name).toBeLessThan(
        0.02,
      )
    }
  })
})

describe('unitizing alpha, edge cases', () => {
  const one = (coder: number, start: number, end: number): CodedSpan => ({ coder, start, end })

  it('identical spans: αu = 1', () => {
    const input = {
      length: 100,
      coders: 3,
      spans: [0, 1, 2].flatMap((coder) => [one(coder, 10, 20), one(coder, 40, 70)]),
    }
    expect(unitizingAlpha(input)).toEqual({ value: 1, units: 1, excluded: 0 })
  })

  it('disjoint spans: αu below 0, as the formula gives', () => {
    // Units [10, 20) and [60, 70) on 100 positions; gaps 10, 80 (coder 0), 60, 30 (coder 1).
    const input = { length: 100, coders: 2, spans: [one(0, 10, 20), one(1, 60, 70)] }
    const d = unitizingDisagreement([input])
    // each unit lies in a gap of the other coder: 2 · (10² + 10²) / (2 · 1 · 100²)
    expect(d.observed).toBeCloseTo(0.02, 12)
    // (n − 1)/3 · Σ (2l³ − 3l² + l) = 2 · 1,710 / 3; each unit fits in every gap:
    // 10² · ((10 − 9) + (80 − 9) + (60 − 9) + (30 − 9)), twice
    const sum = 1140 + 2 * 100 * 144
    expect(d.expected).toBeCloseTo(((2 / 100) * sum) / (200 * 199 - 2 * 10 * 9), 12)
    expect(unitizingAlpha(input).value).toBeCloseTo(1 - 0.02 / d.expected, 12)
    expect(unitizingAlpha(input).value).toBeLessThan(0)
  })

  it('a theme nobody used: no variation, no value', () => {
    expect(unitizingAlpha({ length: 500, coders: 3, spans: [] })).toEqual({
      value: null,
      undefinedBecause: 'no-variation',
      units: 1,
      excluded: 0,
    })
  })

  it('one coder only: no value', () => {
    expect(unitizingAlpha({ length: 50, coders: 1, spans: [one(0, 1, 5)] })).toEqual({
      value: null,
      undefinedBecause: 'one-coder',
      units: 0,
      excluded: 1,
    })
    expect(unitizingAlphaOver([]).undefinedBecause).toBe('no-pairable-units')
  })

  it('a coder’s overlapping spans are merged into one unit; touching spans are not', () => {
    const merged = { length: 60, coders: 2, spans: [one(0, 10, 30), one(1, 10, 30)] }
    const overlapping = { ...merged, spans: [one(0, 10, 25), one(0, 20, 30), one(1, 10, 30)] }
    expect(unitizingAlpha(overlapping)).toEqual(unitizingAlpha(merged))
    const touching = { ...merged, spans: [one(0, 10, 20), one(0, 20, 30), one(1, 10, 30)] }
    expect(unitizingAlpha(touching).value).toBeLessThan(1)
  })

  it('spans in any order give the same αu', () => {
    const ordered = { length: 80, coders: 2, spans: [one(0, 5, 9), one(0, 20, 40), one(1, 7, 30)] }
    const shuffled = {
      ...ordered,
      spans: [ordered.spans[2]!, ordered.spans[1]!, ordered.spans[0]!],
    }
    expect(unitizingAlpha(shuffled)).toEqual(unitizingAlpha(ordered))
  })

  it('refuses spans outside the continuum, empty or reversed spans, unknown coders', () => {
    expect(() => unitizingAlpha({ length: 10, coders: 2, spans: [one(0, 5, 11)] })).toThrow(
      RangeError,
    )
    expect(() => unitizingAlpha({ length: 10, coders: 2, spans: [one(0, 5, 5)] })).toThrow(
      RangeError,
    )
    expect(() => unitizingAlpha({ length: 10, coders: 2, spans: [one(2, 1, 3)] })).toThrow(
      RangeError,
    )
    expect(() => unitizingAlpha({ length: 10, coders: 2, spans: [one(0, 1.5, 3)] })).toThrow(
      RangeError,
    )
  })
})

describe('unitizing alpha over several articles', () => {
  /** An article's spans shifted to start at `offset`. */
  const shifted = (input: UnitizingInput, offset: number): CodedSpan[] =>
    input.spans.map((s) => ({ ...s, start: s.start + offset, end: s.end + offset }))
  const first: UnitizingInput = {
    length: 40,
    coders: 2,
    spans: [
      { coder: 0, start: 5, end: 12 },
      { coder: 1, start: 6, end: 12 },
      { coder: 0, start: 20, end: 30 },
    ],
  }
  const second: UnitizingInput = {
    length: 30,
    coders: 2,
    spans: [
      { coder: 0, start: 2, end: 9 },
      { coder: 1, start: 0, end: 9 },
      { coder: 1, start: 15, end: 28 },
    ],
  }

  it('equals one long continuum when no coder’s gap runs across an article’s edge', () => {
    // both coders' last units end where the first article ends
    const toTheEnd: UnitizingInput = {
      ...first,
      spans: [...first.spans, { coder: 0, start: 35, end: 40 }, { coder: 1, start: 36, end: 40 }],
    }
    const long = { length: 70, coders: 2, spans: [...toTheEnd.spans, ...shifted(second, 40)] }
    const pooled = unitizingAlphaOver([toTheEnd, second])
    expect(pooled).toMatchObject({ units: 2, excluded: 0 })
    expect(pooled.value).toBeCloseTo(unitizingAlpha(long).value!, 12)
  })

  it('cuts a coder’s gap at the edge between two articles', () => {
    // coder 0 has a gap at the end of `first` and at the start of `second`
    const long = { length: 70, coders: 2, spans: [...first.spans, ...shifted(second, 40)] }
    const pooled = unitizingDisagreement([first, second])
    const concatenated = unitizingDisagreement([long])
    expect(pooled.observed).toBeCloseTo(concatenated.observed, 12)
    expect(pooled.expected).not.toBeCloseTo(concatenated.expected, 6)
  })

  it('counts articles with fewer than two coders as excluded', () => {
    const alone: UnitizingInput = { length: 20, coders: 1, spans: [{ coder: 0, start: 1, end: 4 }] }
    const pooled = unitizingAlphaOver([first, alone, second])
    expect(pooled).toMatchObject({ units: 2, excluded: 1 })
    expect(pooled.value).toBeCloseTo(unitizingAlphaOver([first, second]).value!, 12)
  })
})
