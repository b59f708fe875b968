import type { Metrics } from '../observe/metrics.ts';
import { ErpError, ErpUnavailable } from './errors.ts';
import { aroundErpCalls } from './around-calls.ts';
import type { ErpAdapter } from './port.ts';

/**
 * Wraps an adapter with what every ERP needs from us, whatever its protocol:
 * - bounded concurrency, so a burst of reps cannot open a hundred connections to it;
 * - back-off: after a 429 (or 503) with Retry-After, calls fail at once for that long
 *   instead of hammering, and lookups fall back to cached figures;
 * - a count and timing of every call by operation, for /metrics and the bench.
 */

export interface GuardOptions {
  maxConcurrent: number;
  metrics?: Metrics;
  now?: () => number;
}

export interface GuardedErp extends ErpAdapter {
  /** Calls made per operation since start (the bench reads it). */
  readonly calls: Map<string, number>;
  /** Epoch ms until which the ERP asked us to wait; 0 when not backing off. */
  pausedUntil(): number;
}

class Semaphore {
  #free: number;
  readonly #waiting: Array<() => void> = [];

  constructor(slots: number) {
    this.#free = slots;
  }

  async acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
}

export function guardErp(inner: ErpAdapter, options: GuardOptions): GuardedErp {
  const now = options.now ?? Date.now;
  const slots = new Semaphore(options.maxConcurrent);
  const calls = new Map<string, number>();
  let pausedUntil = 0;

  async function call<T>(op: string, run: () => Promise<T>): Promise<T> {
    const wait = pausedUntil - now();
    if (wait > 0) {
      options.metrics?.erpErrors.inc({ operation: op, error: 'backing_off' });
      throw new ErpUnavailable(`the ERP asked us to wait, ${Math.ceil(wait / 1000)} s left`, {
        retryAfterSeconds: Math.ceil(wait / 1000),
      });
    }

    await slots.acquire();
    const started = now();
    calls.set(op, (calls.get(op) ?? 0) + 1);
    options.metrics?.erpCalls.inc({ operation: op });
    try {
      return await run();
    } catch (error) {
      const name = error instanceof ErpError ? error.name : 'unexpected';
      options.metrics?.erpErrors.inc({ operation: op, error: name });
      if (error instanceof ErpUnavailable && error.retryAfterSeconds !== null) {
        pausedUntil = Math.max(pausedUntil, now() + error.retryAfterSeconds * 1000);
      }
      throw error;
    } finally {
      options.metrics?.erpSeconds.observe({ operation: op }, (now() - started) / 1000);
      slots.release();
    }
  }

  const guarded = aroundErpCalls(inner, call) as GuardedErp;
  Object.assign(guarded, { calls, pausedUntil: () => pausedUntil });
  return guarded;
}
