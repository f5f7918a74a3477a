// The codebook feature's public face.
export { CodebookPanel } from './CodebookPanel'
