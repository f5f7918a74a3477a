// The article feature's public face: other features and the session view
// import it from here, never its modules.
export {
  ArticleView,
  type ArticleHandle,
  type ArticleSearchMarks,
  type PendingSelection,
} from './ArticleView'
export { ThemeToolbar } from './ThemeToolbar'
export type { TopParagraph } from './viewport'
