import type { DealInput } from '../../../shared/api.ts';
import type { ErpAdapter } from '../../erp/port.ts';
import type { PlaygroundCrm } from './adapter.ts';

/**
 * Demo deals, so the playground opens on something real. They name customers and products
 * as a person would (customer name, product code) and are resolved to the ERP's ids at
 * start, so the same mechanism serves the sandbox and a seeded Tryton.
 */

interface DemoDeal {
  id: string;
  title: string;
  customer: string;
  currency: string;
  stage: DealInput['stage'];
  lines: Array<[code: string, quantity: string]>;
}

const sandboxDeals: DemoDeal[] = [
  {
    id: 'D-1001',
    title: 'ACME: cordless tools for the new plant',
    customer: 'ACME Industries AG',
    currency: 'EUR',
    stage: 'open',
    lines: [
      ['P-1001', '8'],
      ['P-1003', '16'],
      ['P-1004', '120.5'],
    ],
  },
  {
    id: 'D-1002',
    title: 'Globex: store refit',
    customer: 'Globex Retail GmbH',
    currency: 'EUR',
    stage: 'won',
    lines: [
      ['P-1002', '15'],
      ['P-1007', '4'],
    ],
  },
  {
    id: 'D-1003',
    title: 'Initech: site safety kit',
    customer: 'Initech Bau GmbH',
    currency: 'EUR',
    stage: 'won',
    lines: [
      ['P-1006', '20'],
      ['P-1008', '40'],
    ],
  },
  {
    id: 'D-1004',
    title: 'Umbrella: welding supplies',
    customer: 'Umbrella Supplies Ltd',
    currency: 'USD',
    stage: 'won',
    lines: [
      ['P-1005', '12.5'],
      ['P-1010', '6'],
    ],
  },
];

// The customers and products scripts/tryton/seed.ts creates.
const trytonDeals: DemoDeal[] = [
  {
    id: 'T-1001',
    title: 'ACME: drills and bolts for the new line',
    customer: 'ACME Industries AG',
    currency: 'EUR',
    stage: 'open',
    lines: [
      ['SKU-1001', '8'],
      ['SKU-1006', '12.5'],
    ],
  },
  {
    id: 'T-1002',
    title: 'ACME: workshop restock',
    customer: 'ACME Industries AG',
    currency: 'EUR',
    stage: 'won',
    lines: [
      ['SKU-1002', '2'],
      ['SKU-1003', '20'],
    ],
  },
  {
    id: 'T-1003',
    title: 'Globex: workbenches for three stores',
    customer: 'Globex Retail GmbH',
    currency: 'EUR',
    stage: 'won',
    lines: [['SKU-1005', '4']],
  },
];

async function resolve(erp: ErpAdapter, demo: DemoDeal): Promise<DealInput | null> {
  const customers = await erp.searchCustomers({ name: demo.customer }, 5);
  const customer = customers.find((c) => c.name === demo.customer);
  const lines = await Promise.all(
    demo.lines.map(async ([code, quantity], i) => {
      const product = (await erp.searchProducts(code, 5)).find((p) => p.code === code);
      return product ? { lineId: `l${i + 1}`, productId: product.id, quantity } : null;
    }),
  );
  if (!customer || lines.some((l) => l === null)) return null;
  return {
    title: demo.title,
    customerId: customer.id,
    currency: demo.currency,
    stage: demo.stage,
    lines: lines.filter((l) => l !== null),
  };
}

/** Seeds the demo deals of this ERP once; returns the ids of deals it could not resolve. */
export async function seedPlaygroundDeals(
  crm: PlaygroundCrm,
  erp: ErpAdapter,
  now: Date,
): Promise<string[]> {
  if ((await crm.listDeals()).length > 0) return [];
  const demos = erp.name === 'tryton' ? trytonDeals : erp.name === 'sandbox' ? sandboxDeals : [];
  const missing: string[] = [];
  for (const demo of demos) {
    const deal = await resolve(erp, demo);
    if (deal) await crm.saveDeal(demo.id, deal, now);
    else missing.push(demo.id);
  }
  return missing;
}
