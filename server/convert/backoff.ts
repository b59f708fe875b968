import type { ConversionConfig } from '../config.ts';
import { ErpUnavailable } from '../erp/errors.ts';

/**
 * When to try a failed conversion again, as an ordered list of guards:
 * - no more attempts left: never (the conversion goes to the dead-letter list);
 * - not retryable (a business refusal): never;
 * - otherwise exponential backoff from the base, capped, with jitter in its upper half
 *   so a burst of failures does not return as a burst;
 * - and never sooner than the ERP's Retry-After.
 */
export function nextAttemptDelay(
  attempts: number,
  error: { retryable: boolean; cause?: unknown },
  config: Pick<ConversionConfig, 'maxAttempts' | 'backoffBaseMs' | 'backoffCapMs'>,
  random: () => number = Math.random,
): number | null {
  if (attempts >= config.maxAttempts) return null;
  if (!error.retryable) return null;

  const exponential = Math.min(
    config.backoffCapMs,
    config.backoffBaseMs * 2 ** Math.max(0, attempts - 1),
  );
  const jittered = Math.round(exponential * (0.5 + random() * 0.5));
  const asked =
    error.cause instanceof ErpUnavailable && error.cause.retryAfterSeconds !== null
      ? error.cause.retryAfterSeconds * 1000
      : 0;
  return Math.max(jittered, asked);
}
