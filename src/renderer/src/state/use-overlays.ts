// The open overlays, for components: re-renders when one opens or closes.
import { useSyncExternalStore } from 'react'
import { overlays, type OverlayState } from './overlay-store'

export function useOverlays(): OverlayState {
  return useSyncExternalStore(overlays.subscribe, overlays.getSnapshot)
}
