import type { SqlDb, SqlStatement } from '../../store/sql.ts';

/**
 * The sandbox's demo company: two warehouses, ten products, five customers chosen so that
 * every panel of the widget has something to show (a tiered price list, a customer over
 * its credit limit, one at dunning level 2, one partly paid, one blocked). Dates are set
 * relative to `today` so the overdue invoice stays overdue whenever the sandbox is seeded.
 */

function day(today: Date, offset: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

const warehouses = [
  ['W-BER', 'BER', 'Berlin Central', 1],
  ['W-MUC', 'MUC', 'Munich South', 2],
] as const;

// EUR is the company currency; rates are units of the currency per 1 EUR.
const currencies = [
  ['EUR', '1'],
  ['USD', '1.0850'],
  ['CHF', '0.9420'],
] as const;

// id, name, unit, fractional, list price (EUR), on hand Berlin, on hand Munich
const products = [
  ['P-1001', 'Cordless drill 18V', 'pc', 0, '249.00', '40', '5'],
  ['P-1002', 'Impact driver 18V', 'pc', 0, '189.00', '12', '0'],
  ['P-1003', 'Battery pack 5.0 Ah', 'pc', 0, '89.00', '120', '60'],
  ['P-1004', 'Steel cable 6 mm', 'm', 1, '4.35', '850.5', '120'],
  ['P-1005', 'Welding wire ER70S-6', 'kg', 1, '12.80', '35.5', '0'],
  ['P-1006', 'Safety helmet EN 397', 'pc', 0, '24.90', '300', '150'],
  ['P-1007', 'Angle grinder 125 mm', 'pc', 0, '139.00', '0', '0'],
  ['P-1008', 'Work gloves, pair', 'pc', 0, '6.50', '1000', '400'],
  ['P-1009', 'Rotary laser level', 'pc', 0, '329.00', '3', '2'],
  ['P-1010', 'Hex bolts M8x40, box of 100', 'pc', 0, '18.40', '75', '25'],
] as const;

// price list, product (null: every product), from quantity, factor on the list price
const priceRules = [
  ['PL-ACME', null, '0', '0.90'],
  ['PL-ACME', null, '10', '0.85'],
  ['PL-ACME', null, '50', '0.80'],
  ['PL-BUILD', 'P-1004', '100', '0.92'],
  ['PL-BUILD', 'P-1004', '500', '0.85'],
] as const;

const customers = [
  // id, name, email, tax id, currency, price list, credit limit, blocked, reason, terms, phone, country
  [
    'C-1001',
    'ACME Industries AG',
    'purchasing@acme.example',
    'DE123456789',
    'EUR',
    'PL-ACME',
    '50000.00',
    0,
    null,
    'Net 30',
    '+4930123456',
    'DE',
  ],
  [
    'C-1002',
    'Globex Retail GmbH',
    'einkauf@globex.example',
    'DE811907980',
    'EUR',
    null,
    '20000.00',
    0,
    null,
    'Net 30',
    '+494012345678',
    'DE',
  ],
  [
    'C-1003',
    'Initech Bau GmbH',
    'buchhaltung@initech.example',
    'DE258963147',
    'EUR',
    'PL-BUILD',
    '15000.00',
    0,
    null,
    'Net 14',
    '+4989765432',
    'DE',
  ],
  [
    'C-1004',
    'Umbrella Supplies Ltd',
    'ap@umbrella.example',
    'GB123456789',
    'USD',
    null,
    '30000.00',
    0,
    null,
    'Net 30',
    '+442071234567',
    'GB',
  ],
  [
    'C-1005',
    'Stark Logistik GmbH',
    'office@stark.example',
    'DE147258369',
    'EUR',
    null,
    '10000.00',
    1,
    'Blocked by accounting: returned direct debit',
    'Prepayment',
    '+4969246813',
    'DE',
  ],
] as const;

function invoices(today: Date) {
  // number, customer, invoice date, due date, currency, total, paid, state, dunning level
  return [
    [
      'INV-2026-0101',
      'C-1001',
      day(today, -60),
      day(today, -30),
      'EUR',
      '4120.00',
      '4120.00',
      'paid',
      0,
    ],
    [
      'INV-2026-0140',
      'C-1001',
      day(today, -10),
      day(today, 20),
      'EUR',
      '1980.00',
      '0',
      'posted',
      0,
    ],
    [
      'INV-2026-0102',
      'C-1002',
      day(today, -20),
      day(today, 10),
      'EUR',
      '12400.00',
      '0',
      'posted',
      0,
    ],
    ['INV-2026-0120', 'C-1002', day(today, -25), day(today, 5), 'EUR', '9050.00', '0', 'posted', 0],
    [
      'INV-2026-0090',
      'C-1003',
      day(today, -89),
      day(today, -75),
      'EUR',
      '3480.50',
      '0',
      'posted',
      2,
    ],
    [
      'INV-2026-0110',
      'C-1003',
      day(today, -34),
      day(today, -20),
      'EUR',
      '1210.00',
      '0',
      'posted',
      1,
    ],
    ['INV-2026-0150', 'C-1003', day(today, -4), day(today, 10), 'EUR', '860.00', '0', 'posted', 0],
    [
      'INV-2026-0130',
      'C-1004',
      day(today, -18),
      day(today, 12),
      'USD',
      '5400.00',
      '2000.00',
      'posted',
      0,
    ],
    [
      'INV-2026-0095',
      'C-1005',
      day(today, -70),
      day(today, -40),
      'EUR',
      '2310.00',
      '0',
      'posted',
      1,
    ],
  ] as const;
}

export function seedStatements(today: Date): SqlStatement[] {
  const s: SqlStatement[] = [];
  const add = (sql: string, params: Array<string | number | null>) => s.push({ sql, params });

  for (const w of warehouses) add('INSERT INTO sb_warehouses VALUES (?, ?, ?, ?)', [...w]);
  for (const c of currencies) add('INSERT INTO sb_currencies VALUES (?, ?)', [...c]);
  for (const [id, name, unit, fractional, price, ber, muc] of products) {
    add('INSERT INTO sb_products VALUES (?, ?, ?, ?, ?, ?)', [
      id,
      id,
      name,
      unit,
      fractional,
      price,
    ]);
    add('INSERT INTO sb_stock (product_id, warehouse_id, on_hand) VALUES (?, ?, ?)', [
      id,
      'W-BER',
      ber,
    ]);
    add('INSERT INTO sb_stock (product_id, warehouse_id, on_hand) VALUES (?, ?, ?)', [
      id,
      'W-MUC',
      muc,
    ]);
  }
  add('INSERT INTO sb_price_lists VALUES (?, ?)', ['PL-ACME', 'ACME contract prices']);
  add('INSERT INTO sb_price_lists VALUES (?, ?)', ['PL-BUILD', 'Construction volume prices']);
  for (const r of priceRules) add('INSERT INTO sb_price_rules VALUES (?, ?, ?, ?)', [...r]);
  for (const [
    id,
    name,
    email,
    taxId,
    currency,
    pl,
    limit,
    blocked,
    reason,
    terms,
    phone,
    country,
  ] of customers) {
    add(
      `INSERT INTO sb_customers (id, code, name, email, tax_id, currency, price_list_id, credit_limit,
         blocked, block_reason, payment_terms, phone, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, id, name, email, taxId, currency, pl, limit, blocked, reason, terms, phone, country],
    );
  }
  for (const i of invoices(today))
    add('INSERT INTO sb_invoices VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [...i]);
  return s;
}

/** Seeds an empty sandbox once; a sandbox that has data is left as it is. */
export async function seedSandbox(db: SqlDb, today: Date): Promise<boolean> {
  const row = await db.first<{ n: number }>('SELECT COUNT(*) AS n FROM sb_products');
  if (row && row.n > 0) return false;
  await db.batch(seedStatements(today));
  return true;
}
