import { ErpError, ErpRejected, ErpUnavailable } from '../erp/errors.ts';

/**
 * A lookup's time budget. Every ERP call of a lookup races the same deadline; when it
 * passes, the call is abandoned (its work may still finish) and the part is reported
 * as unavailable instead of making the rep wait.
 */

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'erp_timeout' | 'erp_unavailable'; message: string; error?: unknown };

export class Deadline {
  readonly at: number;
  readonly #now: () => number;

  constructor(budgetMs: number, now: () => number = Date.now) {
    this.#now = now;
    this.at = now() + budgetMs;
  }

  remaining(): number {
    return Math.max(0, this.at - this.#now());
  }

  /** Resolves with the value, or with a timeout outcome when the budget runs out first. */
  async race<T>(work: Promise<T>): Promise<Outcome<T>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Outcome<T>>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({ ok: false, reason: 'erp_timeout', message: 'The ERP did not answer in time.' }),
        this.remaining(),
      );
    });
    const done = work.then(
      (value): Outcome<T> => ({ ok: true, value }),
      (error: unknown): Outcome<T> => ({
        ok: false,
        reason: 'erp_unavailable',
        message: error instanceof ErpError ? error.message : 'The ERP could not be reached.',
        error,
      }),
    );
    try {
      return await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Like race, but a miss throws: for the parts without which there is no answer at all.
   * A refusal stays a refusal; any other failure is the ERP being unavailable to us.
   */
  async must<T>(work: Promise<T>): Promise<T> {
    const outcome = await this.race(work);
    if (outcome.ok) return outcome.value;
    if (outcome.error instanceof ErpRejected) throw outcome.error;
    throw new ErpUnavailable(outcome.message, { cause: outcome.error });
  }
}
