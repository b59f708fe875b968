import { signal } from '@preact/signals';
import type { Conversion, ConversionState } from '../shared/api.ts';
import { ApiError, isAbort } from './api-error.ts';
import type { Api } from './api.ts';

export type ConvertStatus =
  | { kind: 'idle' }
  | { kind: 'converting'; state: ConversionState | null }
  | { kind: 'done'; orderNumber: string }
  /** `pendingOrder`: an order the ERP already holds, not yet confirmed, that a retry resumes. */
  | { kind: 'failed'; error: ApiError; pendingOrder: string | null };

export interface ConvertStateOptions {
  /** How often to ask about a conversion the server is still working on. */
  pollMs?: number;
  /** Called once when a conversion this session started ends with an order. */
  onConverted?: (orderNumber: string) => void;
}

function failure(conversion: Conversion): ApiError {
  const error = conversion.error;

  return new ApiError({
    code: (error?.code ?? 'internal_error') as ApiError['code'],
    message: error?.message ?? 'The conversion failed without saying why.',
    retryable: error?.retryable ?? true,
  });
}

/** A refused POST carries the conversion record in `details`, order number and all. */
function orderInDetails(details: unknown): string | null {
  const conversion = (details as { conversion?: Partial<Conversion> } | null)?.conversion;
  return typeof conversion?.orderNumber === 'string' ? conversion.orderNumber : null;
}

function sleep(ms: number, abort: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    function stopSleeping() {
      clearTimeout(timer);
      reject(abort.reason);
    }

    const timer = setTimeout(function wake() {
      abort.removeEventListener('abort', stopSleeping);
      resolve();
    }, ms);
    abort.addEventListener('abort', stopSleeping, { once: true });
  });
}

/**
 * One deal's way to an ERP order: what the server already knows about it, the click, and
 * polling while the server works through its steps. A double click sends one request.
 */
export function createConvertState(api: Api, dealId: string, options: ConvertStateOptions = {}) {
  const pollMs = options.pollMs ?? 1000;
  const status = signal<ConvertStatus>({ kind: 'idle' });
  const lifetime = new AbortController();

  /** `justNow`: this session started the conversion, rather than finding it on the server. */
  async function follow(conversion: Conversion, justNow: boolean): Promise<void> {
    let current = conversion;

    while (current.state !== 'done' && current.state !== 'failed') {
      status.value = { kind: 'converting', state: current.state };
      await sleep(pollMs, lifetime.signal);
      current = (await api.getConversion(dealId, lifetime.signal)).conversion;
    }

    if (current.state === 'failed') {
      status.value = { kind: 'failed', error: failure(current), pendingOrder: current.orderNumber };
      return;
    }

    const orderNumber = current.orderNumber ?? current.orderId ?? '';
    status.value = { kind: 'done', orderNumber };
    if (justNow) options.onConverted?.(orderNumber);
  }

  async function guard(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (caught) {
      if (lifetime.signal.aborted || isAbort(caught)) return;
      const error =
        caught instanceof ApiError
          ? caught
          : new ApiError({ code: 'internal_error', message: String(caught), retryable: true });
      status.value = { kind: 'failed', error, pendingOrder: orderInDetails(error.details) };
    }
  }

  /**
   * A deal converted earlier (or by the CRM webhook) shows its order number straight away.
   * Failing to ask is not a failed conversion: the button stays as it was.
   */
  async function load(): Promise<void> {
    let conversion: Conversion;
    try {
      conversion = (await api.getConversion(dealId, lifetime.signal)).conversion;
    } catch {
      return;
    }

    // The server records a refused attempt on a deal that was not won yet; once the deal
    // is won that old refusal only confuses, so the button starts fresh.
    if (conversion.state === 'failed' && conversion.error?.code === 'deal_not_won') return;

    await guard(() => follow(conversion, false));
  }

  function convert(): Promise<void> {
    if (status.peek().kind === 'converting') return Promise.resolve();
    status.value = { kind: 'converting', state: null };

    return guard(async function convertDeal() {
      const { conversion } = await api.convertDeal(dealId, lifetime.signal);
      await follow(conversion, true);
    });
  }

  function dispose(): void {
    lifetime.abort();
  }

  return { status, load, convert, dispose };
}

export type ConvertStateHandle = ReturnType<typeof createConvertState>;
