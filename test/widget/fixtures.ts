import {
  AccountLookupResponse,
  ConvertResponse,
  DealLookupResponse,
  type AccountLookupResponse as AccountLookup,
  Preflight,
  type Conversion,
  type ConversionStatus,
  type ConvertResponse as Converted,
  type Preflight as PreflightCheck,
  type DealLookupResponse as DealLookup,
  type LineResult,
} from '../../shared/api.ts';
import { ErrorEnvelope } from '../../shared/errors.ts';

/** Every fixture goes through the shared schema, so the widget is tested on real shapes. */

export const asOf = '2024-05-06T12:34:00.000Z';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

export const customer = {
  id: 'C-TEST-1',
  code: 'C-TEST-1',
  name: 'Kessler Maschinenbau GmbH',
  currency: 'EUR',
  priceList: 'Dealers',
};

export const freshLine: LineResult = {
  lineId: 'L1',
  productId: 'P-TEST-BOLT',
  quantity: '8',
  product: { code: 'BOLT-M8', name: 'Hex bolt M8', unit: 'pc' },
  stock: {
    status: 'ok',
    asOf,
    stale: false,
    value: {
      warehouses: [
        { warehouseId: 'W1', name: 'Main warehouse', onHand: '120', available: '100' },
        { warehouseId: 'W2', name: 'North depot', onHand: '15', available: '12' },
      ],
      totalAvailable: '112',
      level: 'in_stock',
    },
  },
  price: {
    status: 'ok',
    asOf,
    stale: false,
    value: {
      unitPrice: eur('90.00'),
      listPrice: eur('100.00'),
      discountPercent: '10.00',
      priceList: 'Dealers',
      agreedPrice: null,
      tier: { minQuantity: '5', unitPrice: eur('90.00') },
      nextTier: { minQuantity: '10', unitPrice: eur('85.00') },
      lineTotal: eur('720.00'),
    },
  },
};

export const staleLine: LineResult = {
  lineId: 'L2',
  productId: 'P-TEST-NUT',
  quantity: '40',
  product: { code: 'NUT-M8', name: 'Hex nut M8', unit: 'pc' },
  stock: {
    status: 'ok',
    asOf,
    stale: true,
    value: {
      warehouses: [{ warehouseId: 'W1', name: 'Main warehouse', onHand: '30', available: '25' }],
      totalAvailable: '25',
      level: 'partial',
    },
  },
  price: {
    status: 'ok',
    asOf,
    stale: true,
    value: {
      unitPrice: eur('0.1250'),
      listPrice: eur('0.1250'),
      agreedPrice: null,
      discountPercent: '0',
      priceList: null,
      tier: null,
      nextTier: null,
      lineTotal: eur('5.00'),
    },
  },
};

export const unavailableLine: LineResult = {
  lineId: 'L3',
  productId: 'P-TEST-GONE',
  quantity: '1',
  product: null,
  stock: {
    status: 'unavailable',
    reason: 'erp_timeout',
    message: 'The ERP did not answer in 2 s.',
  },
  price: {
    status: 'unavailable',
    reason: 'unknown_product',
    message: 'No such product in the ERP.',
  },
};

export const overLimitCredit = {
  status: 'ok' as const,
  asOf,
  stale: false,
  value: {
    limit: eur('10000.00'),
    openBalance: eur('9500.00'),
    available: eur('500.00'),
    blocked: false,
    blockReason: null,
    afterDeal: eur('-225.00'),
    exceedsLimit: true,
    paymentTerms: '30 days net',
  },
};

export function dealLookup(lines: LineResult[] = [freshLine, staleLine]): DealLookup {
  return DealLookupResponse.parse({
    customer,
    currency: 'EUR',
    lines,
    total: { amount: eur('725.00'), complete: true },
    credit: overLimitCredit,
    order: null,
    answeredAt: asOf,
  });
}

export function accountLookup(): AccountLookup {
  return AccountLookupResponse.parse({
    customer,
    payments: {
      status: 'ok',
      asOf,
      stale: false,
      value: {
        status: 'overdue',
        openAmount: eur('3200.00'),
        overdueAmount: eur('1200.00'),
        dunningLevel: 2,
        dunningLabel: 'Second reminder',
        invoices: [
          {
            number: 'INV-2024-0042',
            invoiceDate: '2024-03-01',
            dueDate: '2024-03-31',
            total: eur('1200.00'),
            open: eur('1200.00'),
            status: 'overdue',
            daysOverdue: 36,
            dunningLevel: 2,
          },
          {
            number: 'INV-2024-0057',
            invoiceDate: '2024-04-20',
            dueDate: '2024-05-20',
            total: eur('2500.00'),
            open: eur('2000.00'),
            status: 'partially_paid',
            daysOverdue: 0,
            dunningLevel: 0,
          },
        ],
      },
    },
    credit: { status: 'unavailable', reason: 'erp_unavailable', message: 'The ERP is down.' },
    answeredAt: asOf,
  });
}

/** A step short of `done` is still running and `failed` has stopped, unless `status` says otherwise. */
function statusOf(state: Conversion['state'] | undefined): ConversionStatus {
  if (state === 'failed') return 'failed';
  return state === undefined || state === 'done' ? 'done' : 'running';
}

export function conversion(change: Partial<Conversion> = {}): Converted {
  return ConvertResponse.parse({
    conversion: {
      dealId: 'D-TEST-1',
      state: 'done',
      status: statusOf(change.state),
      step: change.state && change.state !== 'failed' ? change.state : 'done',
      orderId: '77',
      orderNumber: 'SO-0077',
      error: null,
      attempts: 1,
      nextAttemptAt: null,
      createdAt: asOf,
      updatedAt: asOf,
      ...change,
    },
  });
}

/** A clean check for D-TEST-1's two lines: no issue, credit to spare, dunning level 0. */
export function preflight(change: Partial<PreflightCheck> = {}): PreflightCheck {
  return Preflight.parse({
    dealId: 'D-TEST-1',
    ok: true,
    blocking: [],
    warnings: [],
    lines: [
      {
        lineId: 'L1',
        productId: 'P-TEST-BOLT',
        quantity: '8',
        dealPrice: eur('90.00'),
        erpPrice: eur('90.00'),
        driftPercent: '0',
        available: '112',
        shortfall: null,
      },
      {
        lineId: 'L2',
        productId: 'P-TEST-NUT',
        quantity: '40',
        dealPrice: null,
        erpPrice: eur('0.1250'),
        driftPercent: null,
        available: '25',
        shortfall: '15',
      },
    ],
    credit: {
      limit: eur('10000.00'),
      openBalance: eur('2000.00'),
      orderTotal: eur('725.00'),
      afterOrder: eur('7275.00'),
      exceeds: false,
    },
    blocked: false,
    dunningLevel: 0,
    ...change,
  });
}

export function envelope(code: string, message: string, retryable: boolean) {
  return ErrorEnvelope.parse({ error: { code, message, retryable } });
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
