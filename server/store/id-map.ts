import type { IdMapStore } from '../mapping/id-map.ts';
import type { SqlDb } from './sql.ts';

/** The id map in the store's database (table `id_map`, migration 2). */
export function createSqlIdMap(db: SqlDb): IdMapStore {
  return {
    async get(kind, crmId) {
      const row = await db.first<{ erp_id: string }>(
        'SELECT erp_id FROM id_map WHERE kind = ? AND crm_id = ?',
        [kind, crmId],
      );
      return row?.erp_id ?? null;
    },

    async remember(entry) {
      await db.run(
        `INSERT INTO id_map (kind, crm_id, erp_id, via, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kind, crm_id) DO UPDATE SET erp_id = excluded.erp_id, via = excluded.via,
           updated_at = excluded.updated_at`,
        [entry.kind, entry.crmId, entry.erpId, entry.via, entry.updatedAt],
      );
    },

    async forget(kind, crmId) {
      await db.run('DELETE FROM id_map WHERE kind = ? AND crm_id = ?', [kind, crmId]);
    },
  };
}
