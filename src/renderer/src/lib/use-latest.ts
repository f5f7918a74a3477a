// A ref that always holds the latest value of a callback, for listeners,
// timers and frame callbacks that are set up once but must call the version
// of the last render.
import { useLayoutEffect, useRef, type RefObject } from 'react'

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value)
  useLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
