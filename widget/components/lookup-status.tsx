import type { ApiError } from '../api-error.ts';
import { describeError, errorDetail } from '../error-words.ts';
import { useMessages } from './locale.ts';

interface LookupStatusProps {
  pending: boolean;
  error: ApiError | null;
  hasFigures: boolean;
  onRetry: () => void;
}

/**
 * One line above the panels: updating, or why the figures below may be old. "Try again" only
 * where trying again can help; a refused deal needs an edit instead.
 */
export function LookupStatus({ pending, error, hasFigures, onRetry }: LookupStatusProps) {
  const t = useMessages();
  const detail = error ? errorDetail(error, t) : null;

  return (
    <div class="lookup-status" role="status" aria-live="polite">
      {pending && <span class="muted">{hasFigures ? t.status.updating : t.status.loading}</span>}
      {!pending && error && (
        <p class="warning">
          <span aria-hidden="true">⚠ </span>
          {describeError(error, t)}
          {hasFigures && ` ${t.status.lastAnswer}`}
          {error.retryable && (
            <>
              {' '}
              <button type="button" onClick={onRetry}>
                {t.status.tryAgain}
              </button>
            </>
          )}
        </p>
      )}
      {!pending && detail && <p class="muted">{detail}</p>}
    </div>
  );
}
