// A value that follows another one frame late: it changes only once the frame
// showing the new value elsewhere has been painted. The session view gives
// the passage list its passages this way, so that the frame that paints a new
// highlight in the article does not also re-render the list (measured by
// `npm run bench`: React's useDeferredValue started the list's render before
// that frame and could delay it).
import { startTransition, useEffect, useState } from 'react'

/** Without frames (a hidden window paints none), the value follows after this long. */
const NO_FRAME_MS = 250

export function useAfterPaint<T>(value: T): T {
  const [late, setLate] = useState(value)
  useEffect(() => {
    if (Object.is(late, value)) return
    const follow = () => startTransition(() => setLate(value))
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      clearTimeout(fallback)
      // After the frame's rendering steps, that is, once it is painted.
      timer = setTimeout(follow, 0)
    })
    const fallback = setTimeout(() => {
      cancelAnimationFrame(frame)
      follow()
    }, NO_FRAME_MS)
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
      clearTimeout(fallback)
    }
  }, [value, late])
  return late
}
