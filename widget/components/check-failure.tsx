import type { ApiError } from '../api-error.ts';
import { describeError, errorDetail } from '../error-words.ts';
import { BlockMark } from './block-mark.tsx';
import { useMessages } from './locale.ts';

export interface CheckFailureProps {
  error: ApiError;
  onRetry: () => void;
}

/**
 * The pre-flight check answered with an error (an unknown customer, the ERP down): the deal
 * cannot be converted until a check passes, so say why and offer to check again.
 */
export function CheckFailure({ error, onRetry }: CheckFailureProps) {
  const t = useMessages();
  const detail = errorDetail(error, t);

  return (
    <div role="alert" class="issues blocking">
      <p>
        <BlockMark /> <strong>{t.preflight.checkFailed}</strong> {describeError(error, t)}
      </p>
      {detail && <p class="muted">{detail}</p>}
      <button type="button" onClick={onRetry}>
        {t.preflight.checkAgain}
      </button>
    </div>
  );
}
