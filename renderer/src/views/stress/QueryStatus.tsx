import type { StressState } from '../../engine/useStress';

/** A section's computing / error / cancelled line; errors as the readable text the engine gave. */
export function QueryStatus({ state, what }: { state: StressState<unknown>; what: string }) {
  if (state.status === 'computing') return <p className="fb-muted fb-stress-status" role="status">Computing the {what}…</p>;
  if (state.status === 'cancelled') {
    return (
      <p className="fb-stress-status" role="status">
        The {what} was stopped.{' '}
        <button type="button" className="fb-btn" onClick={state.retry}>
          Compute again
        </button>
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="fb-stress-error" role="alert">
        <strong>The {what} cannot be computed:</strong>
        <p>{state.error}</p>
      </div>
    );
  }
  return null;
}
