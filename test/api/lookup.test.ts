import { describe, expect, it } from 'vitest';
import {
  DealLookupResponse,
  AccountLookupResponse,
  ProductSearchResponse,
} from '../../shared/api.ts';
import { ErrorEnvelope } from '../../shared/errors.ts';
import { sandboxApp } from '../fixtures/app.ts';

const deal = (lines: Array<[string, string]>, customerId = 'C-1001', currency = 'EUR') => ({
  customerId,
  currency,
  lines: lines.map(([productId, quantity], i) => ({ lineId: `l${i}`, productId, quantity })),
});

describe('deal lookup on the sandbox', () => {
  it('prices the tiered customer differently below and above the tier, as decimal strings', async () => {
    const { call } = await sandboxApp();
    const below = await call('POST', '/api/lookup/deal', deal([['P-1001', '9']]));
    const above = await call('POST', '/api/lookup/deal', deal([['P-1001', '10']]));

    expect(below.status).toBe(200);
    expect(DealLookupResponse.parse(below.body)).toBeTruthy();
    const p9 = below.body.lines[0].price.value;
    const p10 = above.body.lines[0].price.value;
    expect(p9.unitPrice).toEqual({ amount: '224.10', currency: 'EUR' });
    expect(p9.listPrice).toEqual({ amount: '249.00', currency: 'EUR' });
    expect(p9.tier).toBeNull();
    expect(p9.nextTier).toEqual({
      minQuantity: '10',
      unitPrice: { amount: '211.65', currency: 'EUR' },
    });
    expect(p9.lineTotal.amount).toBe('2016.90');
    expect(p10.unitPrice.amount).toBe('211.65');
    expect(p10.tier.minQuantity).toBe('10');
    expect(p10.discountPercent).toBe('15.00');
  });

  it('shows stock per warehouse with an availability level', async () => {
    const { call } = await sandboxApp();
    const res = await call(
      'POST',
      '/api/lookup/deal',
      deal([
        ['P-1002', '5'],
        ['P-1007', '1'],
        ['P-1009', '4'],
        ['P-1002', '13'],
      ]),
    );
    const [driver, grinder, laser, tooMany] = res.body.lines;

    expect(driver.stock.value.warehouses).toEqual([
      { warehouseId: 'W-BER', name: 'Berlin Central', onHand: '12', available: '12' },
      { warehouseId: 'W-MUC', name: 'Munich South', onHand: '0', available: '0' },
    ]);
    expect(driver.stock.value.level).toBe('in_stock');
    expect(grinder.stock.value.level).toBe('out_of_stock');
    expect(laser.stock.value.level).toBe('low');
    expect(tooMany.stock.value.level).toBe('partial');
  });

  it('accepts fractional quantities for products sold by the metre', async () => {
    const { call } = await sandboxApp();
    const res = await call('POST', '/api/lookup/deal', deal([['P-1004', '12.5']]));
    expect(res.status).toBe(200);
    expect(res.body.lines[0].price.value.lineTotal.amount).toBe('46.25');
  });

  it('totals the deal and shows the credit with what this deal would leave', async () => {
    const { call } = await sandboxApp();
    const res = await call(
      'POST',
      '/api/lookup/deal',
      deal([
        ['P-1001', '10'],
        ['P-1003', '2'],
      ]),
    );
    expect(res.body.total).toEqual({
      amount: { amount: '2276.70', currency: 'EUR' },
      complete: true,
    });
    expect(res.body.credit.value).toMatchObject({
      limit: { amount: '50000.00', currency: 'EUR' },
      openBalance: { amount: '1980.00', currency: 'EUR' },
      available: { amount: '48020.00', currency: 'EUR' },
      afterDeal: { amount: '45743.30', currency: 'EUR' },
      exceedsLimit: false,
      blocked: false,
    });
  });

  it('flags the customer over its credit limit', async () => {
    const { call } = await sandboxApp();
    const res = await call('POST', '/api/lookup/deal', deal([['P-1006', '1']], 'C-1002'));
    expect(res.body.credit.value).toMatchObject({
      limit: { amount: '20000.00' },
      openBalance: { amount: '21450.00' },
      available: { amount: '-1450.00' },
      exceedsLimit: true,
    });
  });

  it('prices in the deal currency for a USD customer', async () => {
    const { call } = await sandboxApp();
    const res = await call('POST', '/api/lookup/deal', deal([['P-1003', '1']], 'C-1004', 'USD'));
    // 89.00 EUR x 1.0850 = 96.565, rounded half-even like Tryton: 96.56
    expect(res.body.lines[0].price.value.unitPrice).toEqual({ amount: '96.56', currency: 'USD' });
    expect(res.body.credit.value.openBalance).toEqual({ amount: '3400.00', currency: 'USD' });
  });

  it('answers an empty deal with the credit and a zero total', async () => {
    const { call } = await sandboxApp();
    const res = await call('POST', '/api/lookup/deal', deal([]));
    expect(res.status).toBe(200);
    expect(res.body.total.amount.amount).toBe('0.00');
  });
});

describe('deal lookup refuses bad input with the envelope', () => {
  const cases: Array<[string, unknown, number, string]> = [
    ['malformed JSON', '{"customerId":', 400, 'malformed_json'],
    ['a JSON array', '[]', 400, 'validation_failed'],
    ['a missing customer', { currency: 'EUR', lines: [] }, 400, 'validation_failed'],
    ['a missing lines field', { customerId: 'C-1001', currency: 'EUR' }, 400, 'validation_failed'],
    ['a zero quantity', deal([['P-1001', '0']]), 400, 'validation_failed'],
    ['a negative quantity', deal([['P-1001', '-2']]), 400, 'validation_failed'],
    [
      'a float quantity',
      { ...deal([]), lines: [{ productId: 'P-1001', quantity: 2 }] },
      400,
      'validation_failed',
    ],
    ['a fraction of a drill', deal([['P-1001', '1.5']]), 400, 'validation_failed'],
    ['an unknown product', deal([['P-9999', '1']]), 422, 'unknown_product'],
    ['an unknown customer', deal([['P-1001', '1']], 'C-0000'), 404, 'unknown_customer'],
    ['an unknown currency', deal([['P-1001', '1']], 'C-1001', 'GBP'), 400, 'unknown_currency'],
    ['a malformed currency', deal([['P-1001', '1']], 'C-1001', 'euro'), 400, 'validation_failed'],
    ['an extra field', { ...deal([]), discount: '50' }, 400, 'validation_failed'],
    [
      'two lines with one lineId',
      {
        ...deal([
          ['P-1001', '1'],
          ['P-1002', '1'],
        ]),
        lines: [
          { lineId: 'x', productId: 'P-1001', quantity: '1' },
          { lineId: 'x', productId: 'P-1002', quantity: '1' },
        ],
      },
      400,
      'validation_failed',
    ],
    ['a quantity with 7 decimals', deal([['P-1004', '1.1234567']]), 400, 'validation_failed'],
  ];

  it.each(cases)('answers %s with %i %s', async (_name, body, status, code) => {
    const { call } = await sandboxApp();
    const res = await call('POST', '/api/lookup/deal', body);
    expect(res.status).toBe(status);
    expect(ErrorEnvelope.parse(res.body).error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(10);
  });
});

describe('account lookup', () => {
  it('shows the dunning customer as overdue at level 2', async () => {
    const { call } = await sandboxApp();
    const res = await call('GET', '/api/accounts/C-1003');
    expect(res.status).toBe(200);
    const payments = AccountLookupResponse.parse(res.body).payments;
    if (payments.status !== 'ok') throw new Error('payments unavailable');
    expect(payments.value).toMatchObject({
      status: 'overdue',
      dunningLevel: 2,
      dunningLabel: 'Second reminder',
      openAmount: { amount: '5550.50', currency: 'EUR' },
      overdueAmount: { amount: '4690.50', currency: 'EUR' },
    });
    const oldest = payments.value.invoices.find((i) => i.number === 'INV-2026-0090');
    expect(oldest).toMatchObject({ status: 'overdue', daysOverdue: 75, dunningLevel: 2 });
    expect(oldest?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows a partly paid invoice as partially paid', async () => {
    const { call } = await sandboxApp();
    const res = await call('GET', '/api/accounts/C-1004');
    expect(res.body.payments.value.status).toBe('partially_paid');
    expect(res.body.payments.value.invoices[0]).toMatchObject({
      total: { amount: '5400.00', currency: 'USD' },
      open: { amount: '3400.00', currency: 'USD' },
      status: 'partially_paid',
    });
  });

  it('shows a paid invoice as paid and an open one as open', async () => {
    const { call } = await sandboxApp();
    const res = await call('GET', '/api/accounts/C-1001');
    const byNumber = Object.fromEntries(
      res.body.payments.value.invoices.map((i: any) => [i.number, i.status]),
    );
    expect(byNumber).toEqual({ 'INV-2026-0101': 'paid', 'INV-2026-0140': 'open' });
    expect(res.body.payments.value.status).toBe('open');
  });

  it('answers an unknown customer with 404 and the envelope', async () => {
    const { call } = await sandboxApp();
    const res = await call('GET', '/api/accounts/C-0000');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('unknown_customer');
  });
});

describe('product and customer search', () => {
  it('finds products by name and by code', async () => {
    const { call } = await sandboxApp();
    const byName = await call('GET', '/api/products?q=drill');
    const byCode = await call('GET', '/api/products?q=P-1004');
    expect(ProductSearchResponse.parse(byName.body).products.map((p) => p.id)).toEqual(['P-1001']);
    expect(byCode.body.products[0]).toMatchObject({
      name: 'Steel cable 6 mm',
      unit: 'm',
      fractional: true,
    });
  });

  it('lists every product for an empty query, up to the limit', async () => {
    const { call } = await sandboxApp();
    const res = await call('GET', '/api/products?limit=3');
    expect(res.body.products).toHaveLength(3);
  });

  it('treats LIKE wildcards in the query as plain text', async () => {
    const { call } = await sandboxApp();
    const res = await call('GET', '/api/products?q=%25');
    expect(res.body.products).toEqual([]);
  });

  it('refuses a bad limit with the envelope', async () => {
    const { call } = await sandboxApp();
    for (const q of ['limit=0', 'limit=abc', 'limit=1000', `q=${'x'.repeat(200)}`]) {
      const res = await call('GET', `/api/products?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('finds customers by name', async () => {
    const { call } = await sandboxApp();
    const res = await call('GET', '/api/customers?q=globex');
    expect(res.body.customers.map((c: any) => c.id)).toEqual(['C-1002']);
    const all = await call('GET', '/api/customers');
    expect(all.body.customers).toHaveLength(5);
  });
});

describe('a deal lookup that knows its deal', () => {
  it('counts an agreed line price in the line and deal totals, beside the customer price', async () => {
    const { call } = await sandboxApp();
    const res = await call('POST', '/api/lookup/deal', {
      customerId: 'C-1001',
      currency: 'EUR',
      lines: [{ lineId: 'a', productId: 'P-1001', quantity: '2', unitPrice: '180.00' }],
    });
    expect(res.body.lines[0].price.value).toMatchObject({
      unitPrice: { amount: '224.10' },
      agreedPrice: { amount: '180.00', currency: 'EUR' },
      lineTotal: { amount: '360.00' },
    });
    expect(res.body.total.amount.amount).toBe('360.00');
  });

  it('does not count a deal that became an order a second time', async () => {
    const { call } = await sandboxApp();
    const lines = [
      { lineId: 'l1', productId: 'P-1006', quantity: '20' },
      { lineId: 'l2', productId: 'P-1008', quantity: '40' },
    ];
    const converted = await call('POST', '/api/deals/D-1003/convert');
    const res = await call('POST', '/api/lookup/deal', {
      customerId: 'C-1003',
      currency: 'EUR',
      lines,
      dealId: 'D-1003',
    });

    expect(res.body.order).toEqual({ number: converted.body.conversion.orderNumber });
    expect(res.body.credit.value.afterDeal).toBeNull();
    expect(res.body.credit.value.openBalance.amount).toBe('6308.50'); // the order is in it
    expect(res.body.lines[0].stock.value).toMatchObject({
      totalAvailable: '430',
      level: 'in_stock',
    });

    const draft = await call('POST', '/api/lookup/deal', {
      customerId: 'C-1003',
      currency: 'EUR',
      lines,
      dealId: 'D-9999',
    });
    expect(draft.body.order).toBeNull();
    expect(draft.body.credit.value.afterDeal).not.toBeNull();
  });
});
