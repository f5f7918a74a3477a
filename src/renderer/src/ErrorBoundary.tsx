// Shows a readable error instead of a blank window when rendering fails.
// Saved work is on disk already: the analyst can go back and reopen it.
import { Component, type ErrorInfo, type ReactNode } from 'react'

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
    return (
      <main className="start" role="alert">
        <h1>Something went wrong</h1>
        <p>{this.state.error.message}</p>
        <p className="muted">
          Everything marked “Saved” is on disk. Reload to reopen your session.
        </p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Reload Gloss
        </button>
      </main>
    )
  }
}
