// "Remove this article?": the article's title and how many passages go with
// it, and that undo brings them back. Remove or Cancel (Esc).
import type { ArticleEntry } from '@shared/model/corpus'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'

interface Props {
  article: ArticleEntry
  /** True when the analyst confirms. */
  onDone: (remove: boolean) => void
}

export function RemoveArticleDialog({ article, onDone }: Props) {
  const { t, plural } = useI18n()
  const { close, dialogProps } = useModal((value) => onDone(value === 'remove'))
  return (
    <dialog
      {...dialogProps}
      className="confirm-dialog"
      aria-labelledby="remove-article-title"
      aria-describedby="remove-article-body"
    >
      <h2 id="remove-article-title">{t('articles.removeDialog.title')}</h2>
      <p id="remove-article-body">
        {t('articles.removeDialog.body', {
          title: article.title || t('articles.untitled'),
          passages: plural('count.passages', article.passageCount),
        })}
      </p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={() => close('')}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={() => close('remove')}>
          {t('articles.removeDialog.confirm')}
        </button>
      </div>
    </dialog>
  )
}
