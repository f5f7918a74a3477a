// The start screen: open the sample, an article or a session, or pick up a
// recent session where it was left.
import { useEffect, useState } from 'react'
import type { GlossError, OpenedSession, RecentSession, Result } from '../../../../shared/api'
import { formatDateTime, plural } from '../../format'

interface Props {
  onOpen(call: () => Promise<Result<OpenedSession | null>>): void
  busy: boolean
  error: GlossError | null
  onDismissError(): void
}

export function StartScreen({ onOpen, busy, error, onDismissError }: Props) {
  const [recent, setRecent] = useState<RecentSession[] | null>(null)
  const [listError, setListError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void window.gloss.listRecent().then((r) => {
      if (!live) return
      if (r.ok) setRecent(r.value)
      else setListError(r.error.message)
    })
    return () => {
      live = false
    }
  }, [])

  return (
    <main className="start" aria-busy={busy}>
      <header className="start-hero">
        <h1>Gloss</h1>
        <p>Tag passages of an article by theme, with notes, and export them to CSV.</p>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          <span>{error.message}</span>
          <span className="banner-actions">
            {error.backupToken && (
              <button
                type="button"
                onClick={() => onOpen(() => window.gloss.openBackup(error.backupToken!))}
              >
                Open previous version
              </button>
            )}
            <button type="button" className="link" onClick={onDismissError}>
              Dismiss
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
          Open sample article
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => onOpen(() => window.gloss.openArticle())}
        >
          Open article…
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => onOpen(() => window.gloss.openSession())}
        >
          Open session…
        </button>
      </div>
      <section className="recent" aria-labelledby="recent-title">
        <h2 id="recent-title">Recent sessions</h2>
        {listError && <p role="alert">Could not read the recent list: {listError}</p>}
        {recent === null && !listError && <p className="muted">Loading…</p>}
        {recent?.length === 0 && (
          <p className="muted empty">No sessions yet. Open the sample article to try Gloss.</p>
        )}
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
                    Last edited {formatDateTime(s.updatedAt)} ·{' '}
                    {plural(s.passageCount, 'passage', 'passages')}
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
