// The coders feature's public face: "Make coder copies…" (its dialog,
// progress and report) and the coder copy's badge in the session header.
import './coders.css'

export { CoderCopyBadge } from './CoderCopyBadge'
export { useCoderCopies, type CoderCopiesWorkspace, type CoderNotice } from './use-coder-copies'
