// Runs an async step over many items a few at a time: writing many small
// files overlaps their fsyncs, which one at a time dominate a commit.

/**
 * Runs `f` on every item, at most `n` at a time. On the first failure no
 * new item starts; it rejects with that failure once the running ones end
 * (so that nothing is still writing when the caller tries again).
 */
export async function eachAtMost<T>(
  n: number,
  items: readonly T[],
  f: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | null = null
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!
      try {
        await f(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker))
  if (failure) throw (failure as { error: unknown }).error
}
