import type { App } from '../app.ts';
import type { ErpAdapter } from '../erp/port.ts';

/** What the worker boots: the app and the ERP adapter it runs on. */
export type Booted = App & { erp: ErpAdapter };

/**
 * The cron trigger's work. On the edge nothing runs between requests, so conversions that
 * wait for a retry are picked up here instead of by a timer.
 */
export async function runScheduled(booted: Booted, now: Date): Promise<void> {
  void booted;
  void now;
}
