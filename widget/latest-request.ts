import { batch, signal } from '@preact/signals';
import { ApiError, isAbort } from './api-error.ts';

export interface LatestRequestOptions {
  /** Quiet time after the last `schedule` before the request goes out. */
  delayMs?: number;
}

/** Anything thrown that is not an ApiError is a bug in the client; keep it, but typed. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;

  return new ApiError({
    code: 'internal_error',
    message: error instanceof Error ? error.message : String(error),
    retryable: false,
    cause: error,
  });
}

/**
 * Runs a request for the latest input only: `schedule` waits for a quiet spell, a newer
 * run aborts the one in flight, and `result` keeps the last answer until the next one lands,
 * so figures never blank out while a lookup runs.
 */
export function createLatestRequest<I, O>(
  send: (input: I, signal: AbortSignal) => Promise<O>,
  options: LatestRequestOptions = {},
) {
  const delayMs = options.delayMs ?? 250;
  const result = signal<O | null>(null);
  /** The input `result` answers, so a caller can tell an answer for another customer. */
  const answered = signal<I | null>(null);
  const error = signal<ApiError | null>(null);
  const pending = signal(false);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  function schedule(input: I): void {
    clearTimeout(timer);
    pending.value = true;
    timer = setTimeout(function fire() {
      void run(input);
    }, delayMs);
  }

  async function run(input: I): Promise<void> {
    clearTimeout(timer);
    controller?.abort();
    const own = new AbortController();
    controller = own;
    pending.value = true;

    try {
      const value = await send(input, own.signal);
      if (own.signal.aborted) return;
      batch(() => {
        result.value = value;
        answered.value = input;
        error.value = null;
      });
    } catch (caught) {
      if (own.signal.aborted || isAbort(caught)) return;
      error.value = toApiError(caught);
    } finally {
      if (controller === own) {
        controller = undefined;
        pending.value = false;
      }
    }
  }

  function cancel(): void {
    clearTimeout(timer);
    controller?.abort();
    controller = undefined;
    pending.value = false;
  }

  function reset(): void {
    cancel();
    batch(() => {
      result.value = null;
      answered.value = null;
      error.value = null;
    });
  }

  return { result, answered, error, pending, schedule, run, cancel, reset };
}

export type LatestRequest<I, O> = ReturnType<typeof createLatestRequest<I, O>>;
