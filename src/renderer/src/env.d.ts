import type { GlossApi } from '@shared/api'

declare global {
  interface Window {
    /** The contract with the main process, installed by the preload. */
    gloss: GlossApi
  }
}
