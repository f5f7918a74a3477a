// The default codebook every new session starts with. Colours are from the
// Okabe–Ito palette, chosen to stay distinguishable with colour-blindness.
// Names and descriptions are data (saved in the session and exported), not
// UI text, so they are not translated.
import type { Theme } from './schema'

export const DEFAULT_CODEBOOK: readonly Theme[] = [
  {
    id: 'growth',
    name: 'Growth',
    colour: '#009E73',
    key: '1',
    description:
      'Hiring, headcount and scale: how fast the company grows, user numbers, launches and the speed of shipping.',
  },
  {
    id: 'culture',
    name: 'Culture',
    colour: '#E69F00',
    key: '2',
    description:
      'Ways of working and values: how decisions are made, rituals, bottom-up initiative, and the chaos of a fast-growing organisation.',
  },
  {
    id: 'secrecy',
    name: 'Secrecy',
    colour: '#CC79A7',
    key: '3',
    description:
      'Confidentiality and control of information: what may not be said, leaks, and who gets to know what.',
  },
  {
    id: 'safety',
    name: 'Safety',
    colour: '#0072B2',
    key: '4',
    description:
      'AI safety and risk: misuse, real-world harms, and how the company weighs risk against speed.',
  },
]
