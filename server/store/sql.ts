/**
 * The SQL seam shared by every store driver: better-sqlite3 on Node, D1 at the edge.
 * Async on purpose, because D1 is; the SQL itself is the common SQLite dialect.
 */

export type SqlValue = string | number | null;

export interface SqlStatement {
  sql: string;
  params?: SqlValue[];
}

export interface SqlDb {
  all<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T[]>;
  first<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T | null>;
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number; lastRowId: number }>;
  /** Runs the statements atomically: all or none (a transaction on SQLite, a batch on D1). */
  batch(statements: SqlStatement[]): Promise<void>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Applies the migrations not yet recorded in `schema_migrations`, in order. */
export async function migrate(
  db: SqlDb,
  scope: string,
  migrations: Migration[],
): Promise<number[]> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       scope TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
       PRIMARY KEY (scope, version))`,
  );
  const rows = await db.all<{ version: number }>(
    'SELECT version FROM schema_migrations WHERE scope = ?',
    [scope],
  );
  const done = new Set(rows.map((r) => r.version));
  const applied: number[] = [];

  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await db.exec(m.sql);
    await db.run(
      'INSERT INTO schema_migrations (scope, version, name, applied_at) VALUES (?, ?, ?, ?)',
      [scope, m.version, m.name, new Date().toISOString()],
    );
    applied.push(m.version);
  }
  return applied;
}
