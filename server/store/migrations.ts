import type { Migration } from './sql.ts';

/** The store's own tables. Versioned: a released migration is never edited, only added to. */
export const storeMigrations: Migration[] = [
  {
    version: 1,
    name: 'conversions, audit, playground deals',
    sql: `
      CREATE TABLE conversions (
        deal_id TEXT PRIMARY KEY,
        step TEXT NOT NULL,
        status TEXT NOT NULL,
        customer_id TEXT,
        order_id TEXT,
        order_number TEXT,
        error_code TEXT,
        error_message TEXT,
        error_retryable INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT,
        lease_until INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        deal_id TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        step TEXT NOT NULL,
        summary TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      );
      CREATE INDEX audit_log_deal ON audit_log (deal_id, id);
      CREATE TABLE playground_deals (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        erp_order_number TEXT,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'id map: CRM records to ERP records',
    sql: `
      CREATE TABLE id_map (
        kind TEXT NOT NULL,
        crm_id TEXT NOT NULL,
        erp_id TEXT NOT NULL,
        via TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (kind, crm_id)
      );
      CREATE INDEX id_map_erp ON id_map (kind, erp_id);
    `,
  },
  {
    version: 3,
    name: 'conversion retries and overrides',
    sql: `
      ALTER TABLE conversions ADD COLUMN next_attempt_at INTEGER;
      ALTER TABLE conversions ADD COLUMN override_reason TEXT;
      CREATE INDEX conversions_due ON conversions (status, next_attempt_at);
    `,
  },
];
