import type { ApiError } from '../api-error.ts';
import { describeError, errorDetail } from '../error-words.ts';
import { useMessages } from './locale.ts';

export interface ConversionFailureProps {
  error: ApiError;
  pendingOrder: string | null;
}

/** Why the conversion stopped: our words for the code, then the server's own sentence. */
export function ConversionFailure({ error, pendingOrder }: ConversionFailureProps) {
  const t = useMessages();
  const detail = errorDetail(error, t);

  return (
    <div role="alert" class="warning">
      <p>
        <span aria-hidden="true">⚠ </span>
        {describeError(error, t)}
      </p>
      {detail && <p class="muted">{detail}</p>}
      {pendingOrder && <p class="muted">{t.convert.pendingOrder(pendingOrder)}</p>}
    </div>
  );
}
