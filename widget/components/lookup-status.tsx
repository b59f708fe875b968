import type { ApiError } from '../api-error.ts';
import { describeError } from '../error-words.ts';

interface LookupStatusProps {
  pending: boolean;
  error: ApiError | null;
  hasFigures: boolean;
  onRetry: () => void;
}

/** One line above the panels: updating, or why the figures below may be old. */
export function LookupStatus({ pending, error, hasFigures, onRetry }: LookupStatusProps) {
  return (
    <div class="lookup-status" role="status" aria-live="polite">
      {pending && <span class="muted">{hasFigures ? 'Updating…' : 'Looking up…'}</span>}
      {!pending && error && (
        <p class="warning">
          {describeError(error)}
          {hasFigures && ' The figures below are from the last answer.'}{' '}
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
    </div>
  );
}
