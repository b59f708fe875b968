import type { App } from '../app.ts';
import type { ErpAdapter } from '../erp/port.ts';

/** What the worker boots: the app and the ERP adapter it runs on. */
export type Booted = App & { erp: ErpAdapter };

/**
 * The cron trigger's work. On the edge nothing runs between requests, so the conversions
 * whose retry is due are run here, where Node runs them on a timer (convert/retry-worker.ts).
 * One cron event runs at most `limit` of them, to stay inside the event's CPU time.
 */
export async function runScheduled(
  booted: Booted,
  options: { limit?: number } = {},
): Promise<number> {
  return booted.converter.runDue(options.limit ?? 25);
}
