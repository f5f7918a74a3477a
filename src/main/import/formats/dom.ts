// The DOM that the readers parse markup into: linkedom, typed here with the
// little the readers use (main's TypeScript has no DOM library, and
// linkedom's own types need it). Parsing builds a tree only: no script
// runs, nothing is fetched, and XML entities declared in a DTD are not
// expanded (htmlparser2 reads a DTD as text).
import * as linkedom from 'linkedom'

export interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
  parentNode: DomNode | null
}

export interface DomElement extends DomNode {
  localName: string
  tagName: string
  children: ArrayLike<DomElement>
  getAttribute(name: string): string | null
  /** The attributes as written, namespace declarations included (`xmlns:text`). */
  attributes: ArrayLike<{ name: string; value: string }>
  /** The attribute itself: for `class`, much cheaper in linkedom than getAttribute (which builds a classList). */
  getAttributeNode(name: string): { value: string } | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  getElementsByTagName(name: string): ArrayLike<DomElement>
  remove(): void
}

export interface DomDocument extends DomNode {
  documentElement: DomElement
  head: DomElement | null
  body: DomElement | null
  title: string
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  getElementsByTagName(name: string): ArrayLike<DomElement>
}

export const TEXT_NODE = 3
export const ELEMENT_NODE = 1

interface Linkedom {
  parseHTML(html: string): { document: DomDocument }
  DOMParser: new () => { parseFromString(text: string, type: string): DomDocument }
}
// linkedom's own types need the DOM library: the shape above is what Gloss uses.
const dom = linkedom as unknown as Linkedom

/** An HTML document (a whole page, or a fragment wrapped in one). */
export function parseHtmlDocument(html: string): DomDocument {
  return dom.parseHTML(html).document
}

/** An XML document (OOXML, ODF, EPUB's OPF and XHTML), namespaces kept in the names (`w:p`). */
export function parseXmlDocument(xml: string): DomDocument {
  return new dom.DOMParser().parseFromString(xml, 'text/xml')
}
