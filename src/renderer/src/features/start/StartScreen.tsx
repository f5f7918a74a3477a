// The start screen: open the sample, an article or a session, or pick up a
// recent session where it was left.
import { useEffect, useState } from 'react'
import type { GlossError, OpenedSession, RecentSession, Result } from '@shared/api'
import { useI18n } from '@renderer/i18n/i18n'
import { SettingsButton } from '@renderer/features/settings'

interface Props {
  onOpen: (call: () => Promise<Result<OpenedSession | null>>) => void
  busy: boolean
  error: GlossError | null
  onDismissError: () => void
}

export function StartScreen({ onOpen, busy, error, onDismissError }: Props) {
  const [recent, setRecent] = useState<RecentSession[] | null>(null)
  const [listError, setListError] = useState<GlossError | null>(null)
  const { t, plural, formatDate, errorText } = useI18n()

  useEffect(() => {
    let live = true
    void window.gloss.listRecent().then((r) => {
      if (!live) return
      if (r.ok) setRecent(r.value)
      else setListError(r.error)
    })
    return () => {
      live = false
    }
  }, [])

  return (
    <main className="start" aria-busy={busy}>
      <header className="start-hero">
        <div className="start-title">
          <h1>Gloss</h1>
          <SettingsButton />
        </div>
        <p>{t('app.tagline')}</p>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          <span>{errorText(error)}</span>
          <span className="banner-actions">
            {error.backupToken && (
              <button
                type="button"
                onClick={() => onOpen(() => window.gloss.openBackup(error.backupToken!))}
              >
                {t('start.openPrevious')}
              </button>
            )}
            <button type="button" className="link" onClick={onDismissError}>
              {t('common.dismiss')}
            </button>
          </span>
        </div>
      )}
      <div className="start-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => onOpen(() => window.gloss.openSample())}
        >
          {t('start.openSample')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => onOpen(() => window.gloss.openArticle())}
        >
          {t('start.openArticle')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => onOpen(() => window.gloss.openSession())}
        >
          {t('start.openSession')}
        </button>
      </div>
      <section className="recent" aria-labelledby="recent-title">
        <h2 id="recent-title">{t('start.recent')}</h2>
        {listError && (
          <p role="alert">{t('start.recentError', { message: errorText(listError) })}</p>
        )}
        {recent === null && !listError && <p className="muted">{t('start.loading')}</p>}
        {recent?.length === 0 && <p className="muted empty">{t('start.empty')}</p>}
        {recent && recent.length > 0 && (
          <ul className="recent-list">
            {recent.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="recent-item"
                  disabled={busy}
                  title={s.filePath}
                  onClick={() => onOpen(() => window.gloss.openRecent(s.id))}
                >
                  <span className="recent-title">{s.title}</span>
                  <span className="recent-meta">
                    {t('start.lastEdited', { date: formatDate(s.updatedAt) })} ·{' '}
                    {s.articleCount !== undefined &&
                      s.articleCount > 1 &&
                      `${plural('count.articles', s.articleCount)} · `}
                    {plural('count.passages', s.passageCount)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  )
}
