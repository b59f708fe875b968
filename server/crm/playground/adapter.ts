import type { Deal, DealInput } from '../../../shared/api.ts';
import type { SqlDb } from '../../store/sql.ts';
import type { CrmAdapter } from '../port.ts';

/**
 * The playground CRM: keeps deals in our own store so the playground page can play the
 * CRM host, and shows the order number written back just as a real CRM field would.
 * The order number has its own column, so a rep's edit saved at the same moment as the
 * write-back can never wipe it.
 */

export interface PlaygroundCrm extends CrmAdapter {
  listDeals(): Promise<Deal[]>;
  saveDeal(id: string, input: DealInput, now: Date): Promise<Deal>;
}

interface Row {
  id: string;
  body: string;
  erp_order_number: string | null;
  updated_at: string;
}

const toDeal = (r: Row): Deal => ({
  ...(JSON.parse(r.body) as DealInput),
  id: r.id,
  erpOrderNumber: r.erp_order_number,
  updatedAt: r.updated_at,
});

export function createPlaygroundCrm(db: SqlDb): PlaygroundCrm {
  const read = async (id: string) => {
    const row = await db.first<Row>('SELECT * FROM playground_deals WHERE id = ?', [id]);
    return row ? toDeal(row) : null;
  };

  return {
    name: 'playground',

    getDeal: (dealId) => read(dealId),

    async writeOrderNumber(dealId, orderNumber) {
      await db.run('UPDATE playground_deals SET erp_order_number = ? WHERE id = ?', [
        orderNumber,
        dealId,
      ]);
    },

    async listDeals() {
      const rows = await db.all<Row>('SELECT * FROM playground_deals ORDER BY id');
      return rows.map(toDeal);
    },

    async saveDeal(id, input, now) {
      await db.run(
        `INSERT INTO playground_deals (id, body, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
        [id, JSON.stringify(input), now.toISOString()],
      );
      return (await read(id))!;
    },
  };
}
