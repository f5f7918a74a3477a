// The codebook feature's public face: the codebook panel and the theme picker.
export { CodebookPanel } from './CodebookPanel'
export { ThemePicker } from './ThemePicker'
