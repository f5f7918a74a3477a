// The article search feature's public face.
export { SearchBar } from './SearchBar'
export { useArticleSearch } from './use-article-search'
