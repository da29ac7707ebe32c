import type { ReactNode } from 'react';

/** What a view shows of a worker computation: the hooks' states (useBookSchedule, useValue, ...). */
export interface ComputeState {
  status: 'computing' | 'ready' | 'error' | 'cancelled';
  error?: string;
  cancel: () => void;
  retry: () => void;
}

/** The status line of a computation: computing (with Cancel), the engine's error, cancelled (with Compute again), or `ready`. */
export function ComputeStatus({ state, ready }: { state: ComputeState; ready: ReactNode }) {
  if (state.status === 'computing') {
    return (
      <span role="status">
        Computing…{' '}
        <button type="button" onClick={state.cancel} aria-label="Cancel computation">
          Cancel
        </button>
      </span>
    );
  }
  if (state.status === 'error') {
    return (
      <span role="alert" className="fb-error">
        {state.error}
      </span>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <span role="status">
        Cancelled.{' '}
        <button type="button" onClick={state.retry}>
          Compute again
        </button>
      </span>
    );
  }
  return <>{ready}</>;
}
