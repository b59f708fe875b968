import type { Deal } from '../../shared/api.ts';
import type { Config } from '../config.ts';
import type { CrmAdapter } from '../crm/port.ts';
import { ErpError } from '../erp/errors.ts';
import type { ErpAdapter, ErpOrder } from '../erp/port.ts';
import { RequestError } from '../errors.ts';
import { dec } from '../money.ts';
import type { Logger } from '../observe/logger.ts';
import type { Metrics } from '../observe/metrics.ts';
import type { ConversionRecord, ConversionStore, Step } from '../store/conversions.ts';
import { describeFailure } from './failure.ts';

/**
 * Won deal to ERP order, as a record that moves through steps. Every step is idempotent,
 * so a retry, a double click or a restart after a crash resumes where the record stands
 * and ends in exactly one order:
 * - within one process, concurrent asks for one deal share one run;
 * - across processes, a lease in the store lets only one worker advance a record;
 * - before creating an order the ERP is searched for the deal id as external reference,
 *   and after an ambiguous failure (the ERP may have committed) it is searched again
 *   instead of posting again.
 */

export interface ConverterDeps {
  erp: ErpAdapter;
  crm: CrmAdapter;
  store: ConversionStore;
  config: Pick<Config, 'lookup' | 'mapping'>;
  logger: Logger;
  now: () => Date;
  /** Called once an order exists, so caches can drop what the order changed. */
  onOrder?: (change: { customerId: string; productIds: string[] }) => void;
  leaseMs?: number;
  metrics?: Metrics;
}

export interface Converter {
  convert(dealId: string, actor: string): Promise<ConversionRecord>;
}

export function createConverter(deps: ConverterDeps): Converter {
  const { erp, crm, store, logger, now } = deps;
  const owner = crypto.randomUUID();
  const leaseMs = deps.leaseMs ?? 60_000;
  const inflight = new Map<string, Promise<ConversionRecord>>();

  async function loadDeal(dealId: string): Promise<Deal> {
    const deal = await crm.getDeal(dealId);
    if (!deal) throw new RequestError('not_found', 404, `The CRM has no deal "${dealId}".`);
    return deal;
  }

  async function validate(deal: Deal): Promise<void> {
    if (!deps.config.mapping.wonStages.includes(deal.stage)) {
      throw new RequestError(
        'deal_not_won',
        409,
        `Deal "${deal.title}" is in stage "${deal.stage}"; only won deals become ERP orders.`,
      );
    }
    if (deal.lines.length === 0) {
      throw new RequestError('validation_failed', 422, `Deal "${deal.title}" has no lines; add a product first.`);
    }
    const accepted = deps.config.lookup.currencies;
    if (!accepted.includes(deal.currency)) {
      throw new RequestError('unknown_currency', 422, `Currency ${deal.currency} is not accepted; use one of ${accepted.join(', ')}.`);
    }
    const bad = deal.lines.find((l) => !dec(l.quantity).gt(0));
    if (bad) {
      throw new RequestError('validation_failed', 422, `Line ${bad.lineId} has quantity ${bad.quantity}; it must be above 0.`);
    }
    const products = await erp.getProducts(deal.lines.map((l) => l.productId));
    const unknown = deal.lines.filter((l) => !products.has(l.productId));
    if (unknown.length > 0) {
      throw new RequestError(
        'unknown_product',
        422,
        `The ERP has no product ${unknown.map((l) => `"${l.productId}"`).join(', ')}; fix the deal's lines.`,
      );
    }
  }

  async function createOnce(deal: Deal, customerId: string): Promise<{ order: ErpOrder; found: boolean }> {
    const existing = await erp.findOrderByReference(deal.id);
    if (existing) return { order: existing, found: true };
    try {
      const order = await erp.createOrder({
        customerId,
        currency: deal.currency,
        reference: deal.id,
        lines: deal.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      });
      return { order, found: false };
    } catch (error) {
      if (error instanceof ErpError && error.ambiguous) {
        const committed = await erp.findOrderByReference(deal.id);
        if (committed) return { order: committed, found: true };
      }
      throw error;
    }
  }

  /** Runs the step after `record.step` and returns the record advanced past it. */
  async function next(record: ConversionRecord, deal: () => Promise<Deal>, actor: string) {
    const at = () => now().toISOString();
    const advance = (
      step: Step,
      change: Parameters<ConversionStore['advance']>[1],
      summary: string,
      before: unknown,
      after: unknown,
    ) => store.advance(record.dealId, { ...change, step }, { at: at(), actor, step, summary, before, after });

    switch (record.step) {
      case 'received': {
        const d = await deal();
        await validate(d);
        return advance('validated', {}, 'Deal read from the CRM and checked', null, {
          stage: d.stage,
          currency: d.currency,
          lines: d.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
        });
      }
      case 'validated': {
        const d = await deal();
        const customers = await erp.getCustomers([d.customerId]);
        const customer = customers.get(d.customerId);
        if (!customer) {
          throw new RequestError('unknown_customer', 422, `The ERP has no customer "${d.customerId}"; pick the deal's customer again.`);
        }
        return advance('customer_resolved', { customerId: customer.id }, `Customer ${customer.code} found in the ERP`, null, {
          customerId: customer.id,
        });
      }
      case 'customer_resolved': {
        const d = await deal();
        const { order, found } = await createOnce(d, record.customerId!);
        deps.onOrder?.({ customerId: record.customerId!, productIds: d.lines.map((l) => l.productId) });
        return advance(
          'order_created',
          { orderId: order.id, orderNumber: order.number },
          found ? `Order ${order.number ?? order.id} already in the ERP for this deal; reused` : `Order ${order.number ?? order.id} created in the ERP`,
          { orderId: null },
          { orderId: order.id, orderNumber: order.number, total: order.total, currency: order.currency, found },
        );
      }
      case 'order_created': {
        const order = await erp.confirmOrder(record.orderId!);
        // Confirmation is what reserves stock and counts against credit.
        deps.onOrder?.({ customerId: record.customerId!, productIds: (await deal()).lines.map((l) => l.productId) });
        return advance(
          'order_confirmed',
          { orderNumber: order.number ?? record.orderNumber },
          `Order ${order.number ?? order.id} confirmed`,
          { state: 'draft' },
          { state: order.state, orderNumber: order.number },
        );
      }
      case 'order_confirmed': {
        const number = record.orderNumber ?? record.orderId!;
        const before = (await deal()).erpOrderNumber;
        await crm.writeOrderNumber(record.dealId, number);
        return advance('written_back', {}, `Order number ${number} written to the CRM deal`, { erpOrderNumber: before }, { erpOrderNumber: number });
      }
      case 'written_back':
        return advance('done', { status: 'done' }, 'Conversion done', null, { orderNumber: record.orderNumber });
      case 'done':
        return record;
    }
  }

  async function run(dealId: string, actor: string): Promise<ConversionRecord> {
    let record = await store.open(dealId, now());
    if (record.status === 'done') return record;
    if (!(await store.claim(dealId, owner, now(), leaseMs))) {
      throw new RequestError('conversion_in_progress', 409, 'This deal is being converted right now; look again in a moment.');
    }

    let cached: Deal | undefined;
    const deal = async () => (cached ??= await loadDeal(dealId));
    try {
      record = await store.advance(
        dealId,
        { status: 'running', error: null, attempt: true },
        { at: now().toISOString(), actor, step: record.step, summary: record.attempts === 0 ? 'Conversion started' : 'Conversion resumed', before: null, after: { attempt: record.attempts + 1 } },
      );
      while (record.status !== 'done') record = await next(record, deal, actor);
      logger.info('conversion.done', { dealId, orderNumber: record.orderNumber, attempts: record.attempts });
      deps.metrics?.conversions.inc({ outcome: 'done', code: 'ok' });
      return record;
    } catch (error) {
      const failure = describeFailure(error);
      if (failure.code === 'internal_error') logger.error('conversion.crashed', { dealId, error });
      else logger.warn('conversion.failed', { dealId, step: record.step, code: failure.code });
      deps.metrics?.conversions.inc({ outcome: 'failed', code: failure.code });
      return store.advance(dealId, { status: 'failed', error: failure }, {
        at: now().toISOString(),
        actor,
        step: record.step,
        summary: `Stopped: ${failure.message}`,
        before: null,
        after: { error: failure },
      });
    } finally {
      await store.release(dealId, owner);
    }
  }

  return {
    convert(dealId, actor) {
      const running = inflight.get(dealId);
      if (running) return running;
      const started = run(dealId, actor).finally(() => inflight.delete(dealId));
      inflight.set(dealId, started);
      return started;
    },
  };
}
