// Krippendorff's benchmarks for reading an alpha (Krippendorff 2004, Content
// Analysis: An Introduction to Its Methodology, 2nd ed.): rely on variables
// with α ≥ .800, draw only tentative conclusions from .667 ≤ α < .800, and do
// not rely on data below .667. Used to word a coefficient for the analyst; it
// must never round a value before comparing (.7999 is tentative).

export const RELIABILITY_BENCHMARKS: { reliable: 0.8; tentative: 0.667 } = Object.freeze({
  reliable: 0.8,
  tentative: 0.667,
})

export function benchmarkOf(value: number): 'reliable' | 'tentative' | 'not-reliable' {
  if (value >= RELIABILITY_BENCHMARKS.reliable) return 'reliable'
  if (value >= RELIABILITY_BENCHMARKS.tentative) return 'tentative'
  return 'not-reliable'
}
