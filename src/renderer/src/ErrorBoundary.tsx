// Shows a readable error instead of a blank window when rendering fails.
// Saved work is on disk already: the analyst can go back and reopen it.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useI18n } from './i18n/i18n'

function ErrorScreen({ message }: { message: string }) {
  const { t } = useI18n()
  return (
    <main className="start" role="alert">
      <h1>{t('error.title')}</h1>
      <p>{message}</p>
      <p className="muted">{t('error.safe')}</p>
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </button>
    </main>
  )
}

interface State {
  error: Error | null
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Gloss view failed', error, info.componentStack)
  }

  override render() {
    if (!this.state.error) return this.props.children
    return <ErrorScreen message={this.state.error.message} />
  }
}
