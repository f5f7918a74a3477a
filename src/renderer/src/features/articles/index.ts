// The articles feature's public face: the session's articles panel, adding
// articles (dialog, dropped files, pasted text) and removing or renaming them.
export {
  useArticleWorkspace,
  type ArticleCommands,
  type ArticleNotice,
  type ArticleWorkspace,
} from './use-article-workspace'
