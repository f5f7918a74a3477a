// The default codebook every new session starts with. Colours are from the
// Okabe–Ito palette, chosen to stay distinguishable with colour-blindness.
import type { Theme } from './schema'

export const DEFAULT_CODEBOOK: readonly Theme[] = [
  { id: 'growth', name: 'Growth', colour: '#009E73', key: '1' },
  { id: 'culture', name: 'Culture', colour: '#E69F00', key: '2' },
  { id: 'secrecy', name: 'Secrecy', colour: '#CC79A7', key: '3' },
  { id: 'safety', name: 'Safety', colour: '#0072B2', key: '4' },
]
