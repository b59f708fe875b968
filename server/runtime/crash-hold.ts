import type { Step } from '../store/conversions.ts';
import type { Logger } from '../observe/logger.ts';

/**
 * For the crash test only: with ERP_LENS_HOLD_AFTER_STEP=<step> the server logs
 * `conversion.held` once a conversion has recorded that step, then waits for ever, so
 * the test can SIGKILL it at exactly that boundary. Unset (always, outside that test),
 * it does nothing.
 */
export function holdAfterStep(step: string | undefined, logger: Logger) {
  if (!step) return undefined;
  logger.warn('crash_hold.armed', { step });
  return async (dealId: string, reached: Step): Promise<void> => {
    if (reached !== step) return;
    logger.warn('conversion.held', { dealId, step: reached });
    await new Promise(() => undefined);
  };
}
