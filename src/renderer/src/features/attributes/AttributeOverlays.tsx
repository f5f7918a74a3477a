// The attribute dialogs of a session, mounted by the session view: the
// article details panel (overlay 'details') and "Set an attribute" for
// many articles (overlay 'bulkAttributes'), each mounted anew per opening.
import type { CorpusMeta } from '@shared/model/corpus'
import type { CorpusEdit } from '@shared/model/corpus-edits'
import { openingKey, overlays } from '@renderer/state/overlay-store'
import { useOverlays } from '@renderer/state/use-overlays'
import { ArticleDetails } from './ArticleDetails'
import { BulkAttributeDialog } from './BulkAttributeDialog'
import { bulkTarget } from './bulk-target'

interface Props {
  sessionId: string
  meta: CorpusMeta
  /** The open article. */
  articleId: string
  readOnly: boolean
  /** Applies edits as one undo step; false when refused. */
  onEdit: (edits: CorpusEdit[]) => boolean
  /** Resolves once every edit is on disk. */
  drained: () => Promise<void>
}

export function AttributeOverlays(props: Props) {
  const open = useOverlays()
  const detailsKey = openingKey(open, 'details')
  const bulkKey = openingKey(open, 'bulkAttributes')
  return (
    <>
      {detailsKey !== 0 && (
        <ArticleDetails
          key={detailsKey}
          {...props}
          onClose={() => overlays.close('details', detailsKey)}
        />
      )}
      {bulkKey !== 0 && (
        <BulkAttributeDialog
          key={bulkKey}
          meta={props.meta}
          articleIds={bulkTarget()}
          readOnly={props.readOnly}
          onEdit={(edit) => props.onEdit([edit])}
          onClose={() => overlays.close('bulkAttributes', bulkKey)}
        />
      )}
    </>
  )
}
