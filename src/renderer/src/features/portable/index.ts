// The one-file session copy's public face.
export { useSaveCopy, type SaveCopyNotice } from './use-save-copy'
