import type { Deal, Preflight, PreflightIssue } from '../../shared/api.ts';
import type { Config } from '../config.ts';
import type { ErpAdapter } from '../erp/port.ts';
import type { IdMapStore } from '../mapping/id-map.ts';
import { resolveCustomer } from './customer-step.ts';
import { priceDrift } from '../mapping/price-drift.ts';
import { RequestError } from '../errors.ts';
import { dec, isWhole, roundMoney, sum } from '../money.ts';

/**
 * What a person should know before a deal becomes an order, read fresh from the ERP:
 * - blocking: an unknown currency or product, a quantity of zero or less or a fraction
 *   of a whole unit, an unknown or blocked customer, a credit limit this order would pass;
 * - warnings: a line whose agreed price drifted from the ERP's price now beyond the
 *   configured tolerance, a line the warehouses cannot cover. A warning needs an explicit
 *   override with a reason; the reason goes into the audit.
 */

export interface PreflightDeps {
  erp: ErpAdapter;
  idMap: IdMapStore;
  config: Pick<Config, 'lookup' | 'mapping'>;
  now: () => Date;
}

export async function preflight(deps: PreflightDeps, deal: Deal): Promise<Preflight> {
  const { erp, config } = deps;
  const blocking: PreflightIssue[] = [];
  const warnings: PreflightIssue[] = [];
  const currency = deal.currency;

  if (!config.lookup.currencies.includes(currency)) {
    blocking.push({
      code: 'unknown_currency',
      message: `Currency ${currency} is not accepted; use one of ${config.lookup.currencies.join(', ')}.`,
    });
  }
  if (deal.lines.length === 0) {
    blocking.push({
      code: 'validation_failed',
      message: 'The deal has no lines; add a product first.',
    });
  }

  const products = await erp.getProducts(deal.lines.map((l) => l.productId));
  const usable = deal.lines.filter((line) => {
    const product = products.get(line.productId);
    if (!product) {
      blocking.push({
        code: 'unknown_product',
        lineId: line.lineId,
        message: `The ERP has no product "${line.productId}".`,
      });
      return false;
    }
    if (!dec(line.quantity).gt(0)) {
      blocking.push({
        code: 'validation_failed',
        lineId: line.lineId,
        message: `${product.name}: the quantity must be above 0.`,
      });
      return false;
    }
    if (!product.fractional && !isWhole(line.quantity)) {
      blocking.push({
        code: 'validation_failed',
        lineId: line.lineId,
        message: `${product.name} is sold in whole ${product.unit}.`,
      });
      return false;
    }
    return true;
  });

  // A deal that only brings its CRM account: who it matches now, without creating anyone.
  const resolved = await resolveCustomer({ ...deps, mapping: config.mapping }, deal, {
    create: false,
  }).catch((error: unknown) => {
    if (!(error instanceof RequestError)) throw error;
    blocking.push({ code: error.code, message: error.message });
    return null;
  });
  const customerId = resolved?.customer.id ?? deal.customerId;

  const canPrice =
    usable.length > 0 && customerId !== '' && blocking.every((b) => b.code !== 'unknown_currency');
  const [stock, prices, credits, invoices] = await Promise.all([
    erp.getStock(usable.map((l) => l.productId)),
    canPrice
      ? erp.getPrices(
          customerId,
          currency,
          usable.map((l) => ({ productId: l.productId, quantity: l.quantity })),
        )
      : [],
    customerId ? erp.getCredit([customerId]) : new Map<string, never>(),
    customerId ? erp.getInvoices([customerId]) : new Map<string, never>(),
  ]);

  const lines = deal.lines.map((line) => {
    const i = usable.indexOf(line);
    const erpPrice = i >= 0 ? (prices[i]?.unitPrice ?? null) : null;
    const levels = stock.get(line.productId);
    const available = levels
      ? sum(levels.map((l) => (dec(l.available).gt(0) ? l.available : '0')))
      : null;
    const shortfall =
      available && available.lt(line.quantity) ? dec(line.quantity).minus(available) : null;
    const drift =
      line.unitPrice && erpPrice
        ? priceDrift(line.unitPrice, erpPrice, config.lookup.priceDriftPercent)
        : null;

    const name = products.get(line.productId)?.name ?? line.productId;
    if (drift?.drifted) {
      warnings.push({
        code: 'price_drift',
        lineId: line.lineId,
        message: `${name}: the deal says ${line.unitPrice}, the ERP ${erpPrice} now (${drift.percent} % apart).`,
      });
    }
    if (shortfall) {
      warnings.push({
        code: 'short_stock',
        lineId: line.lineId,
        message: `${name}: ${shortfall.toFixed()} more than the ${available!.toFixed()} available.`,
      });
    }
    return {
      lineId: line.lineId,
      productId: line.productId,
      quantity: line.quantity,
      dealPrice: line.unitPrice ? { amount: line.unitPrice, currency } : null,
      erpPrice: erpPrice ? { amount: erpPrice, currency } : null,
      driftPercent: drift?.percent ?? null,
      available: available?.toFixed() ?? null,
      shortfall: shortfall?.toFixed() ?? null,
    };
  });

  const orderTotal = roundMoney(
    sum(
      usable.map((line, i) =>
        dec(line.unitPrice ?? prices[i]?.unitPrice ?? '0').times(line.quantity),
      ),
    ),
    currency,
  );

  const credit = customerId ? credits.get(customerId) : undefined;
  if (customerId && !credit && !blocking.some((b) => b.code === 'unknown_customer')) {
    blocking.push({
      code: 'unknown_customer',
      message: `The ERP has no customer "${customerId}".`,
    });
  }
  if (credit?.blocked) {
    blocking.push({
      code: 'customer_blocked',
      message: `${credit.customer.name} is blocked: ${credit.blockReason ?? 'no reason given'}.`,
    });
  }

  let creditView: Preflight['credit'] = null;
  if (credit) {
    const c = credit.currency;
    const left = credit.limit === null ? null : dec(credit.limit).minus(credit.openBalance);
    // The ERP gives no exchange rates: an order in another currency than the credit limit
    // cannot be compared with it, so it needs a person's word (an override), unless the
    // customer is over the limit already, which no order changes for the better.
    const comparable = c === currency;
    const after = left !== null && comparable ? left.minus(orderTotal) : null;
    const money = (v: string) => ({ amount: roundMoney(v, c), currency: c });
    creditView = {
      limit: credit.limit === null ? null : money(credit.limit),
      openBalance: money(credit.openBalance),
      orderTotal: { amount: orderTotal, currency },
      afterOrder: after === null ? null : money(after.toFixed()),
      exceeds: (left !== null && left.lt(0)) || (after !== null && after.lt(0)),
    };
    const name = credit.customer.name;
    if (left !== null && left.lt(0)) {
      blocking.push({
        code: 'credit_blocked',
        message: `${name} is over their credit limit of ${creditView.limit!.amount} ${c} already (open ${creditView.openBalance.amount} ${c}).`,
      });
    } else if (after !== null && after.lt(0)) {
      blocking.push({
        code: 'credit_blocked',
        message:
          `${name} would exceed their credit limit of ${creditView.limit!.amount} ${c}: ` +
          `open ${creditView.openBalance.amount} plus this order ${orderTotal}.`,
      });
    } else if (left !== null && !comparable) {
      warnings.push({
        code: 'credit_unchecked',
        message: `${name}'s credit limit is kept in ${c}; this ${currency} order (${orderTotal}) could not be compared with the ${money(left.toFixed()).amount} ${c} left.`,
      });
    }
  }

  const open = ((customerId ? invoices.get(customerId) : undefined) ?? []).filter((inv) =>
    dec(inv.open).gt(0),
  );
  return {
    dealId: deal.id,
    ok: blocking.length === 0,
    blocking,
    warnings,
    lines: lines.map((l) => ({ ...l, lineId: l.lineId ?? l.productId })),
    credit: creditView,
    blocked: credit?.blocked ?? false,
    dunningLevel: Math.max(0, ...open.map((inv) => inv.dunningLevel)),
  };
}
