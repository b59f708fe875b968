import { aroundErpCalls } from '../erp/around-calls.ts';
import type { ErpAdapter } from '../erp/port.ts';

/**
 * The ERP calls still running in this isolate. On Node a call that outlives its lookup's
 * deadline simply goes on and fills the cache (lookup/cache.ts). workerd instead cancels
 * whatever a request left running once its response is sent, unless the work was handed to
 * `ctx.waitUntil`. The worker wraps the ERP adapter with `track` and, after each response,
 * hands `settled()` to waitUntil, so late answers and stale-while-revalidate refreshes
 * still land in the cache.
 */
export class PendingWork {
  readonly #running = new Set<Promise<unknown>>();

  get size(): number {
    return this.#running.size;
  }

  /** The adapter with every call recorded until it settles. */
  track(erp: ErpAdapter): ErpAdapter {
    const running = this.#running;
    return aroundErpCalls(erp, (_operation, call) => {
      const result = call();
      running.add(result);
      const forget = () => running.delete(result);
      result.then(forget, forget);
      return result;
    });
  }

  /**
   * Resolves once no ERP call is running. Each round first lets one macrotask pass, because
   * a batch waits a turn before its ERP call starts (lookup/batcher.ts), and it looks again
   * after every round, because a call that settles can let the next one start (the guard's
   * queue) and the cache stores what a call brought only after it settles.
   */
  async settled(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.#running.size === 0) return;
      await Promise.allSettled([...this.#running]);
    }
  }
}
