import type { Deal } from '../../shared/api.ts';
import type { Config } from '../config.ts';
import type { CrmAdapter } from '../crm/port.ts';
import { ErpError } from '../erp/errors.ts';
import type { ErpAdapter, ErpOrder } from '../erp/port.ts';
import { RequestError } from '../errors.ts';
import type { IdMapStore } from '../mapping/id-map.ts';
import type { Change, ConversionRecord, ConversionStore, Step } from '../store/conversions.ts';
import { resolveCustomer } from './customer-step.ts';
import { preflight } from './preflight.ts';

/**
 * The steps of a conversion, each idempotent: it reads where the record stands, does one
 * thing in the ERP or the CRM, and records the next step with an audit entry in one
 * atomic write. Run again after a crash, a step finds its own earlier work (the order by
 * its external reference, a confirmed order stays confirmed) instead of repeating it.
 */

export interface StepDeps {
  erp: ErpAdapter;
  crm: CrmAdapter;
  store: ConversionStore;
  idMap: IdMapStore;
  config: Pick<Config, 'lookup' | 'mapping'>;
  now: () => Date;
  onOrder?: (change: { customerId: string; productIds: string[] }) => void;
}

export interface StepContext {
  record: ConversionRecord;
  deal: () => Promise<Deal>;
  actor: string;
}

/** Finds the deal's order in the ERP, or creates it; never a second one. */
async function createOnce(
  erp: ErpAdapter,
  deal: Deal,
  customerId: string,
): Promise<{ order: ErpOrder; found: boolean }> {
  const existing = await erp.findOrderByReference(deal.id);
  if (existing) return { order: existing, found: true };
  try {
    const order = await erp.createOrder({
      customerId,
      currency: deal.currency,
      reference: deal.id,
      lines: deal.lines.map((l) => ({
        productId: l.productId,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
      })),
    });
    return { order, found: false };
  } catch (error) {
    // The ERP may have committed before the answer was lost: look before anyone posts again.
    if (error instanceof ErpError && error.ambiguous) {
      const committed = await erp.findOrderByReference(deal.id);
      if (committed) return { order: committed, found: true };
    }
    throw error;
  }
}

async function validate(deps: StepDeps, deal: Deal, overrideReason: string | null) {
  const check = await preflight(deps, deal);
  if (!check.ok) {
    const first = check.blocking[0]!;
    throw new RequestError(
      first.code as RequestError['code'],
      422,
      check.blocking.map((b) => b.message).join(' '),
      { preflight: check },
    );
  }
  if (check.warnings.length > 0 && !overrideReason) {
    throw new RequestError(
      'override_required',
      409,
      `Check before converting: ${check.warnings.map((w) => w.message).join(' ')} Convert with an override and a reason to go ahead.`,
      { preflight: check },
    );
  }
  return check;
}

/** Runs the step after `record.step` and returns the record advanced past it. */
export async function runNextStep(deps: StepDeps, ctx: StepContext): Promise<ConversionRecord> {
  const { erp, crm, store } = deps;
  const { record, actor } = ctx;
  const advance = (step: Step, change: Change, summary: string, before: unknown, after: unknown) =>
    store.advance(
      record.dealId,
      { ...change, step },
      { at: deps.now().toISOString(), actor, step, summary, before, after },
    );

  switch (record.step) {
    case 'received': {
      const deal = await ctx.deal();
      const check = await validate(deps, deal, record.overrideReason);
      return advance(
        'validated',
        {},
        record.overrideReason
          ? `Deal checked; warnings overridden: ${record.overrideReason}`
          : 'Deal read from the CRM and checked',
        null,
        {
          stage: deal.stage,
          currency: deal.currency,
          lines: deal.lines.map((l) => ({
            productId: l.productId,
            quantity: l.quantity,
            unitPrice: l.unitPrice ?? null,
          })),
          warnings: check.warnings,
          override: record.overrideReason,
          credit: check.credit,
        },
      );
    }
    case 'validated': {
      const deal = await ctx.deal();
      const resolved = (await resolveCustomer({ ...deps, mapping: deps.config.mapping }, deal, {
        create: true,
      }))!;
      const { customer, via, created } = resolved;
      return advance(
        'customer_resolved',
        { customerId: customer.id },
        created
          ? `Customer ${customer.code} created in the ERP from the CRM account`
          : `Customer ${customer.code} found in the ERP (by ${via})`,
        null,
        { customerId: customer.id, via, created, crmAccount: deal.account?.id ?? null },
      );
    }
    case 'customer_resolved': {
      const deal = await ctx.deal();
      const { order, found } = await createOnce(erp, deal, record.customerId!);
      return advance(
        'order_created',
        { orderId: order.id, orderNumber: order.number },
        found
          ? `Order ${order.number ?? order.id} already in the ERP for this deal; reused`
          : `Order ${order.number ?? order.id} created in the ERP`,
        { orderId: null },
        {
          orderId: order.id,
          orderNumber: order.number,
          total: order.total,
          currency: order.currency,
          found,
        },
      );
    }
    case 'order_created': {
      const order = await erp.confirmOrder(record.orderId!);
      // Confirmation is what reserves stock and counts against credit.
      deps.onOrder?.({
        customerId: record.customerId!,
        productIds: (await ctx.deal()).lines.map((l) => l.productId),
      });
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
      const before = (await ctx.deal()).erpOrderNumber;
      // Writing the same number twice is harmless, so a retry here never touches the ERP.
      await crm.writeOrderNumber(record.dealId, number);
      return advance(
        'written_back',
        {},
        `Order number ${number} written to the CRM deal`,
        { erpOrderNumber: before },
        { erpOrderNumber: number },
      );
    }
    case 'written_back':
      return advance('done', { status: 'done' }, 'Conversion done', null, {
        orderNumber: record.orderNumber,
      });
    case 'done':
      return record;
  }
}
