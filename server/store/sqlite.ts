import Database from 'better-sqlite3';
import type { SqlDb, SqlStatement, SqlValue } from './sql.ts';

/**
 * The Node driver: better-sqlite3, in WAL mode so a crash loses nothing that was committed.
 * `path` ':memory:' gives a private in-memory database (tests).
 */
export function openSqlite(path: string): SqlDb {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');

  const prepared = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = prepared.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      prepared.set(sql, stmt);
    }
    return stmt;
  };
  const args = (params: SqlValue[] | undefined) => params ?? [];

  const runBatch = db.transaction((statements: SqlStatement[]) => {
    for (const s of statements) prepare(s.sql).run(...args(s.params));
  });

  return {
    async all<T>(sql: string, params?: SqlValue[]) {
      return prepare(sql).all(...args(params)) as T[];
    },
    async first<T>(sql: string, params?: SqlValue[]) {
      return (prepare(sql).get(...args(params)) as T | undefined) ?? null;
    },
    async run(sql: string, params?: SqlValue[]) {
      const r = prepare(sql).run(...args(params));
      return { changes: r.changes, lastRowId: Number(r.lastInsertRowid) };
    },
    async batch(statements: SqlStatement[]) {
      runBatch(statements);
    },
    async exec(script: string) {
      db.exec(script);
    },
    async close() {
      db.close();
    },
  };
}
