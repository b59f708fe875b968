/**
 * A fixed-window counter per key (the token's subject). Fixed windows let a burst of twice
 * the limit through at a window edge; for "one rep should not hammer the ERP" that is fine,
 * and the state stays one small record per active rep.
 *
 * Per process: on the edge every isolate counts for itself, so the limit there is per
 * isolate. A shared counter (Durable Object, KV) would end that; not needed yet.
 */

export interface RateLimit {
  max: number;
  windowMs: number;
}

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Window {
  startedAt: number;
  count: number;
}

/** Above this many keys, finished windows are swept before a new key is added. */
const sweepAbove = 10_000;

export class FixedWindowLimiter {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  readonly #windows = new Map<string, Window>();

  constructor(limit: RateLimit, now: () => number) {
    this.#limit = limit;
    this.#now = now;
  }

  take(key: string): Admission {
    const now = this.#now();
    let window = this.#windows.get(key);

    if (!window || now - window.startedAt >= this.#limit.windowMs) {
      if (!window && this.#windows.size >= sweepAbove) this.#sweep(now);
      window = { startedAt: now, count: 0 };
      this.#windows.set(key, window);
    }

    if (window.count >= this.#limit.max) {
      const waitMs = window.startedAt + this.#limit.windowMs - now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    window.count += 1;
    return { ok: true };
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) {
      if (now - window.startedAt >= this.#limit.windowMs) this.#windows.delete(key);
    }
  }
}
