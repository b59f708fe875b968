import type { Deal, Preflight } from '../../shared/api.ts';
import type { Config } from '../config.ts';
import type { CrmAdapter } from '../crm/port.ts';
import type { ErpAdapter } from '../erp/port.ts';
import { RequestError } from '../errors.ts';
import type { Logger } from '../observe/logger.ts';
import type { IdMapStore } from '../mapping/id-map.ts';
import type { Metrics } from '../observe/metrics.ts';
import type { ConversionRecord, ConversionStore, Step } from '../store/conversions.ts';
import { nextAttemptDelay } from './backoff.ts';
import { describeFailure } from './failure.ts';
import type { FailureNotice } from './notify.ts';
import { preflight } from './preflight.ts';
import { runNextStep } from './steps.ts';

/**
 * Won deal to ERP order, as a record that moves through steps (steps.ts), so that a
 * retry, a double click, a webhook delivered twice or a restart after a crash resumes
 * where the record stands and ends in exactly one order:
 * - within one process, concurrent asks for one deal share one run;
 * - across processes, a lease in the store lets only one worker advance a record;
 * - the order step searches the ERP for the deal id before creating, and again after an
 *   ambiguous failure.
 * A transient failure schedules the next attempt (backoff.ts); one that exhausts its
 * attempts lands in the dead-letter list, as does a refusal, for a person to look at.
 */

export interface ConverterDeps {
  erp: ErpAdapter;
  crm: CrmAdapter;
  store: ConversionStore;
  idMap: IdMapStore;
  config: Pick<Config, 'lookup' | 'mapping' | 'conversion'>;
  logger: Logger;
  now: () => Date;
  /** Called once an order is confirmed, so caches can drop what it changed. */
  onOrder?: (change: { customerId: string; productIds: string[] }) => void;
  /** Told when a conversion needs a person (failed or dead). */
  notify?: (notice: FailureNotice) => Promise<void>;
  /** Awaited after each recorded step: the crash test holds a process here to kill it. */
  afterStep?: (dealId: string, step: Step) => Promise<void>;
  leaseMs?: number;
  metrics?: Metrics;
  random?: () => number;
}

/** This run stalled past its lease and another worker took the conversion over. */
class LeaseLost extends Error {
  override name = 'LeaseLost';

  constructor(readonly dealId: string) {
    super(`The lease on the conversion of "${dealId}" was lost.`);
  }

  asRequestError(): RequestError {
    return new RequestError(
      'conversion_in_progress',
      409,
      'Another worker took this conversion over; look again in a moment.',
    );
  }
}

export interface ConvertOptions {
  override?: { reason: string };
  /**
   * Try now even if the conversion waits for its next automatic attempt, is out of
   * attempts or was dismissed: a person asked. Without it (a webhook delivered again, a
   * second click) such a conversion is answered as it stands, and the ERP is not asked.
   */
  retry?: boolean;
}

export interface Converter {
  convert(dealId: string, actor: string, options?: ConvertOptions): Promise<ConversionRecord>;
  /** Runs the conversions whose retry is due; returns how many were run. */
  runDue(limit?: number): Promise<number>;
  dismiss(dealId: string, actor: string, reason: string): Promise<ConversionRecord>;
  preflight(dealId: string): Promise<Preflight>;
  /** Conversions that need a person: refused (failed) or out of attempts (dead). */
  deadLetterSize(): number;
}

export function createConverter(deps: ConverterDeps): Converter {
  const { crm, store, logger, now } = deps;
  const owner = crypto.randomUUID();
  const leaseMs = deps.leaseMs ?? deps.config.conversion.leaseMs;
  const inflight = new Map<string, Promise<ConversionRecord>>();
  let deadLetters = 0;

  const refreshDeadLetters = async () => {
    deadLetters = await store.count(['failed', 'dead']);
  };
  void refreshDeadLetters().catch(() => undefined);

  async function loadDeal(dealId: string): Promise<Deal> {
    const deal = await crm.getDeal(dealId);
    if (!deal) throw new RequestError('not_found', 404, `The CRM has no deal "${dealId}".`);
    return deal;
  }

  /** A deal that is missing or not won leaves no record behind: there is nothing to convert. */
  async function gate(dealId: string): Promise<void> {
    if (await store.get(dealId)) return;
    const deal = await loadDeal(dealId);
    if (!deps.config.mapping.wonStages.includes(deal.stage)) {
      throw new RequestError(
        'deal_not_won',
        409,
        `Deal "${deal.title}" is in stage "${deal.stage}"; only won deals become ERP orders.`,
      );
    }
  }

  async function settle(
    record: ConversionRecord,
    error: unknown,
    actor: string,
  ): Promise<ConversionRecord> {
    const failure = describeFailure(error);
    const delay = nextAttemptDelay(
      record.attempts,
      { retryable: failure.retryable, cause: error },
      deps.config.conversion,
      deps.random,
    );
    const status = delay !== null ? 'retrying' : failure.retryable ? 'dead' : 'failed';
    const at = now();

    if (failure.code === 'internal_error')
      logger.error('conversion.crashed', { dealId: record.dealId, step: record.step, error });
    else
      logger.warn('conversion.stopped', {
        dealId: record.dealId,
        step: record.step,
        code: failure.code,
        status,
        attempts: record.attempts,
        // The detail a person debugging needs (which call, which host); never sent to a browser.
        cause: error instanceof Error ? error.message : String(error),
      });
    deps.metrics?.conversions.inc({ outcome: status, code: failure.code });
    if (status === 'retrying') deps.metrics?.conversionRetries.inc();

    const settled = await store.advance(
      record.dealId,
      { status, error: failure, nextAttemptAt: delay === null ? null : at.getTime() + delay },
      {
        at: at.toISOString(),
        actor,
        step: record.step,
        summary:
          status === 'retrying'
            ? `Attempt ${record.attempts} failed (${failure.message}); next attempt in ${Math.round(delay! / 1000)} s`
            : status === 'dead'
              ? `Gave up after ${record.attempts} attempts: ${failure.message}`
              : `Refused: ${failure.message}`,
        before: null,
        after: { status, error: failure },
      },
    );
    if (status !== 'retrying') {
      await refreshDeadLetters();
      await deps.notify?.({
        event: status === 'dead' ? 'conversion.dead' : 'conversion.failed',
        dealId: record.dealId,
        code: failure.code,
        message: failure.message,
        attempts: record.attempts,
        at: at.toISOString(),
      });
    }
    return settled;
  }

  async function run(
    dealId: string,
    actor: string,
    options: ConvertOptions,
  ): Promise<ConversionRecord> {
    await gate(dealId);
    let record = await store.open(dealId, now());
    if (record.status === 'done') return record;
    const waiting = record.status === 'retrying' && (record.nextAttemptAt ?? 0) > now().getTime();
    if (!options.retry && (waiting || record.status === 'dead' || record.status === 'dismissed'))
      return record;
    if (!(await store.claim(dealId, owner, now(), leaseMs))) {
      throw new RequestError(
        'conversion_in_progress',
        409,
        'This deal is being converted right now; look again in a moment.',
      );
    }

    const started = performance.now();
    let cached: Deal | undefined;
    const deal = async () => (cached ??= await loadDeal(dealId));
    try {
      const at = now().toISOString();
      if (options.override) {
        record = await store.advance(
          dealId,
          { overrideReason: options.override.reason },
          {
            at,
            actor,
            step: record.step,
            summary: `Warnings overridden: ${options.override.reason}`,
            before: { override: record.overrideReason },
            after: { override: options.override.reason },
          },
        );
      }
      record = await store.advance(
        dealId,
        { status: 'running', error: null, nextAttemptAt: null, attempt: true },
        {
          at,
          actor,
          step: record.step,
          summary: record.attempts === 0 ? 'Conversion started' : `Attempt ${record.attempts + 1}`,
          before: null,
          after: { attempt: record.attempts + 1 },
        },
      );

      while (record.status !== 'done') {
        record = await runNextStep(deps, { record, deal, actor });
        await deps.afterStep?.(dealId, record.step);
        // Renew the lease; losing it means this run stalled and another worker took over.
        if (!(await store.claim(dealId, owner, now(), leaseMs))) throw new LeaseLost(dealId);
      }
      logger.info('conversion.done', {
        dealId,
        orderNumber: record.orderNumber,
        attempts: record.attempts,
      });
      deps.metrics?.conversions.inc({ outcome: 'done', code: 'ok' });
      deps.metrics?.conversionSeconds.observe(
        { outcome: 'done' },
        (performance.now() - started) / 1000,
      );
      await refreshDeadLetters();
      return record;
    } catch (error) {
      // The record belongs to whoever holds the lease now; this run must not write to it.
      if (error instanceof LeaseLost) throw error.asRequestError();
      deps.metrics?.conversionSeconds.observe(
        { outcome: 'stopped' },
        (performance.now() - started) / 1000,
      );
      return await settle(record, error, actor);
    } finally {
      await store.release(dealId, owner);
    }
  }

  const converter: Converter = {
    convert(dealId, actor, options = {}) {
      const running = inflight.get(dealId);
      if (running) return running;
      const started = run(dealId, actor, options).finally(() => inflight.delete(dealId));
      inflight.set(dealId, started);
      return started;
    },

    async runDue(limit = 20) {
      const due = await store.due(now(), limit);
      for (const dealId of due) {
        await converter.convert(dealId, 'retry-worker').catch((error: unknown) => {
          // Another worker holds it, or the CRM lost the deal: it stays as it is, logged.
          logger.warn('conversion.retry_skipped', { dealId, error });
        });
      }
      return due.length;
    },

    async dismiss(dealId, actor, reason) {
      const record = await store.get(dealId);
      if (!record) throw new RequestError('not_found', 404, `Deal "${dealId}" has no conversion.`);
      if (record.status === 'done' || record.status === 'running') {
        throw new RequestError(
          'validation_failed',
          409,
          `The conversion of "${dealId}" is ${record.status}; only a stopped one can be dismissed.`,
        );
      }
      const dismissed = await store.advance(
        dealId,
        { status: 'dismissed', nextAttemptAt: null },
        {
          at: now().toISOString(),
          actor,
          step: record.step,
          summary: `Dismissed: ${reason}`,
          before: { status: record.status },
          after: { status: 'dismissed', reason },
        },
      );
      await refreshDeadLetters();
      return dismissed;
    },

    async preflight(dealId) {
      return preflight(deps, await loadDeal(dealId));
    },

    deadLetterSize: () => deadLetters,
  };
  return converter;
}
