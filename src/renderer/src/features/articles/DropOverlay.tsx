// Shown while files are dragged over the session: "Drop to add N files".
import { useI18n } from '@renderer/i18n/i18n'

export function DropOverlay({ files, readOnly }: { files: number; readOnly: boolean }) {
  const { t, plural } = useI18n()
  return (
    <div className="drop-overlay" role="status" aria-live="polite">
      <div className="drop-overlay-box">
        {readOnly ? (
          <p>{t('articles.drop.readOnly')}</p>
        ) : (
          <>
            <p className="drop-overlay-title">
              {t('articles.drop.overlay', { files: plural('count.files', files) })}
            </p>
            <p className="muted">{t('articles.drop.hint')}</p>
          </>
        )}
      </div>
    </div>
  )
}
