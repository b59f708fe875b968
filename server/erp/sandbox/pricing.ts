import { dec, roundMoney } from '../../money.ts';
import type { ErpTier } from '../port.ts';

/**
 * The sandbox's price rule: the customer's price list first, then the volume tier.
 * A rule with a minimum quantity of 0 is the list's base discount; rules above it are
 * tiers. The rule with the highest minimum the quantity reaches applies.
 */

export interface PriceRule {
  min_quantity: string;
  factor: string;
}

export interface PricingInput {
  listPriceEur: string;
  rate: string;
  currency: string;
  quantity: string;
  rules: PriceRule[];
}

export interface PricingResult {
  unitPrice: string;
  listPrice: string;
  tier: ErpTier | null;
  nextTier: ErpTier | null;
}

export function priceFor(input: PricingInput): PricingResult {
  const { listPriceEur, rate, currency, quantity } = input;
  const rules = [...input.rules].sort((a, b) => dec(a.min_quantity).cmp(b.min_quantity));
  const at = (factor: string) => roundMoney(dec(listPriceEur).times(factor).times(rate), currency);

  const applied = rules.filter((r) => dec(r.min_quantity).lte(quantity)).at(-1);
  const next = rules.find((r) => dec(r.min_quantity).gt(quantity));

  return {
    unitPrice: at(applied?.factor ?? '1'),
    listPrice: at('1'),
    tier:
      applied && dec(applied.min_quantity).gt(0)
        ? { minQuantity: applied.min_quantity, unitPrice: at(applied.factor) }
        : null,
    nextTier: next ? { minQuantity: next.min_quantity, unitPrice: at(next.factor) } : null,
  };
}
