// The session view's public face.
export { SessionView } from './SessionView'
