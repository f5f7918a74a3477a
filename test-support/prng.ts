// mulberry32: a small, fast, seeded PRNG in [0, 1), for every seeded input of
// the tests and the benchmark (same seed, same numbers). Pure: it runs in
// Node, in the renderer's tests and in the crash test's bundled child.

export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}
