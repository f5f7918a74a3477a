// The passage sidebar's public face.
export { PassageDetails } from './PassageDetails'
export { PassageList } from './PassageList'
export { ThemeChip } from './ThemeChip'
export { ThemeToggle } from './ThemeToggle'
