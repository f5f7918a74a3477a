// The session's coders: the Coders control, which coders are shown and how
// each is marked, for the session view, the sidebar and the Passages view.
import './coder-layers.css'
export { CoderName } from './CoderName'
export { CodersBar } from './CodersBar'
export { useCoderLayers, type CoderDisplay, type CoderLayers } from './use-coder-layers'
