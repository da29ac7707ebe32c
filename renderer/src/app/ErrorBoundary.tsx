import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A render error becomes a readable message with a way back, never a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="fatal" role="alert">
        <h1>Something went wrong in this view</h1>
        <p>{this.state.error.message}</p>
        <p>Your workbook is not lost: unsaved work is autosaved and offered on the next start.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </main>
    );
  }
}
