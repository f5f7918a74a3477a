// "Bring coders' work back…": its public face (the hook the session view
// runs, and what it mounts: the progress and the report).
export { useBringBack, type BringBack } from './use-bring-back'
export { BringBackLayers } from './BringBackLayers'
