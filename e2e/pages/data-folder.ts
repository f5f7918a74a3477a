// The analyst's data folder as the specs read it back: the session folders
// Gloss wrote under sessions/ (see test-support/session-folder.ts).
export {
  folderSnapshot,
  lockFromAnotherMachine,
  newestSession,
  readArticles,
  readArticleView,
  readIndex,
  savedSession,
  sessionFolder,
  sessionFolders,
  waitClosed,
} from '../../test-support/session-folder'
