import type { DealInput } from '../../../shared/api.ts';
import type { PlaygroundCrm } from './adapter.ts';

/** Demo deals for the sandbox's customers, so the playground opens on something real. */
export const demoDeals: Array<[string, DealInput]> = [
  [
    'D-1001',
    {
      title: 'ACME: cordless tools for the new plant',
      customerId: 'C-1001',
      currency: 'EUR',
      stage: 'open',
      lines: [
        { lineId: 'l1', productId: 'P-1001', quantity: '8' },
        { lineId: 'l2', productId: 'P-1003', quantity: '16' },
        { lineId: 'l3', productId: 'P-1004', quantity: '120.5' },
      ],
    },
  ],
  [
    'D-1002',
    {
      title: 'Globex: store refit',
      customerId: 'C-1002',
      currency: 'EUR',
      stage: 'won',
      lines: [
        { lineId: 'l1', productId: 'P-1002', quantity: '15' },
        { lineId: 'l2', productId: 'P-1007', quantity: '4' },
      ],
    },
  ],
  [
    'D-1003',
    {
      title: 'Initech: site safety kit',
      customerId: 'C-1003',
      currency: 'EUR',
      stage: 'won',
      lines: [
        { lineId: 'l1', productId: 'P-1006', quantity: '20' },
        { lineId: 'l2', productId: 'P-1008', quantity: '40' },
      ],
    },
  ],
  [
    'D-1004',
    {
      title: 'Umbrella: welding supplies',
      customerId: 'C-1004',
      currency: 'USD',
      stage: 'won',
      lines: [
        { lineId: 'l1', productId: 'P-1005', quantity: '12.5' },
        { lineId: 'l2', productId: 'P-1010', quantity: '6' },
      ],
    },
  ],
];

export async function seedPlaygroundDeals(crm: PlaygroundCrm, now: Date): Promise<void> {
  if ((await crm.listDeals()).length > 0) return;
  for (const [id, deal] of demoDeals) await crm.saveDeal(id, deal, now);
}
