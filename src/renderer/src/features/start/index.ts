// The start screen's public face.
export { StartScreen } from './StartScreen'
