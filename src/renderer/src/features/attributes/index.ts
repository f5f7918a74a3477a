// The attributes feature's public face: the session view mounts
// AttributeOverlays (the article details panel and "Set an attribute");
// other features open "Set an attribute" for their articles with
// openBulkAttributeEdit(articleIds).
export { AttributeOverlays } from './AttributeOverlays'
export { openBulkAttributeEdit } from './bulk-target'
