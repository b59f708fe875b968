import { describe, expect, it } from 'vitest';
import { priceFor } from '../../server/erp/sandbox/pricing.ts';

const acme = [
  { min_quantity: '0', factor: '0.90' },
  { min_quantity: '10', factor: '0.85' },
  { min_quantity: '50', factor: '0.80' },
];
const at = (quantity: string, rules = acme, currency = 'EUR', rate = '1') =>
  priceFor({ listPriceEur: '249.00', rate, currency, quantity, rules });

describe('sandbox pricing: price list then tier', () => {
  it('applies the base discount below the first tier and names the next tier', () => {
    expect(at('9')).toEqual({
      unitPrice: '224.10',
      listPrice: '249.00',
      tier: null,
      nextTier: { minQuantity: '10', unitPrice: '211.65' },
    });
  });

  it('applies the tier exactly at its minimum quantity', () => {
    expect(at('10').tier).toEqual({ minQuantity: '10', unitPrice: '211.65' });
    expect(at('10').nextTier?.minQuantity).toBe('50');
  });

  it('applies the highest tier reached, with no next tier above it', () => {
    expect(at('500')).toMatchObject({ unitPrice: '199.20', nextTier: null });
  });

  it('compares fractional quantities as decimals', () => {
    expect(at('9.999').unitPrice).toBe('224.10');
    expect(at('10.0').unitPrice).toBe('211.65');
  });

  it('charges the list price without a price list', () => {
    expect(at('100', [])).toEqual({
      unitPrice: '249.00',
      listPrice: '249.00',
      tier: null,
      nextTier: null,
    });
  });

  it('converts to another currency and rounds half-even to its minor unit', () => {
    // 249.00 x 0.90 x 1.0850 = 243.1485 -> 243.15
    expect(at('1', acme, 'USD', '1.0850').unitPrice).toBe('243.15');
    // JPY has no minor unit
    expect(at('1', [], 'JPY', '160.5').unitPrice).toBe('39964');
  });
});
