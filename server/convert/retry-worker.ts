import type { Logger } from '../observe/logger.ts';
import type { Converter } from './workflow.ts';

/**
 * Runs due conversion retries on a timer (Node). At the edge the cron trigger calls
 * converter.runDue() instead. A tick never overlaps the previous one.
 */
export function startRetryWorker(
  converter: Converter,
  options: { pollMs: number; logger: Logger },
): { stop(): void } {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    converter
      .runDue()
      .then((n) => {
        if (n > 0) options.logger.info('retry_worker.ran', { conversions: n });
      })
      .catch((error: unknown) => options.logger.error('retry_worker.failed', { error }))
      .finally(() => {
        busy = false;
      });
  }, options.pollMs);
  // Node may exit while the worker waits; the server itself keeps the process alive.
  (timer as { unref?: () => void }).unref?.();
  return { stop: () => clearInterval(timer) };
}
