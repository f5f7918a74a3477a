// The article search feature's public face.
export { SearchBar } from './SearchBar'
export { SearchOptionToggles } from './SearchOptionToggles'
export { useArticleSearch } from './use-article-search'
