import type { SqlDb, SqlStatement, SqlValue } from './sql.ts';

/**
 * The edge driver: Cloudflare D1 behind the same async SqlDb seam as better-sqlite3, so the
 * store, the sandbox ERP and their migrations run unchanged.
 *
 * The binding is described by the few methods used here rather than by the Workers types, so
 * this file also typechecks under the Node tsconfig (where those globals do not exist).
 */

export interface D1Like {
  prepare(sql: string): D1StatementLike;
  batch(statements: D1StatementLike[]): Promise<unknown[]>;
}

export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike;
  all<T = unknown>(): Promise<{ results: T[] }>;
  first<T = unknown>(): Promise<T | null>;
  run(): Promise<{ meta: { changes?: number; last_row_id?: number } }>;
}

export function openD1(db: D1Like): SqlDb {
  const statement = (sql: string, params: SqlValue[] | undefined) =>
    db.prepare(sql).bind(...(params ?? []));
  const batch = async (statements: SqlStatement[]) => {
    // D1 runs a batch as one transaction: a failing statement rolls the others back.
    if (statements.length === 0) return;
    await db.batch(statements.map((s) => statement(s.sql, s.params)));
  };

  return {
    async all<T>(sql: string, params?: SqlValue[]) {
      return (await statement(sql, params).all<T>()).results;
    },
    async first<T>(sql: string, params?: SqlValue[]) {
      return statement(sql, params).first<T>();
    },
    async run(sql: string, params?: SqlValue[]) {
      const { meta } = await statement(sql, params).run();
      return { changes: meta.changes ?? 0, lastRowId: meta.last_row_id ?? 0 };
    },
    batch,
    async exec(script: string) {
      // D1's own exec() takes one statement per line, so a CREATE TABLE spread over lines
      // breaks, and it is not atomic. Splitting and batching makes a migration all or none.
      await batch(splitStatements(script).map((sql) => ({ sql })));
    },
    async close() {
      // A binding belongs to the runtime; there is nothing to close.
    },
  };
}

/**
 * Splits a script at the semicolons that end statements, skipping those inside quotes and
 * comments. Enough for migrations (tables, indexes, inserts); a CREATE TRIGGER, whose body
 * holds semicolons between BEGIN and END, would need more and is refused rather than cut.
 */
export function splitStatements(script: string): string[] {
  if (/\bCREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i.test(script)) {
    throw new Error(
      'splitStatements: triggers are not supported by the D1 driver; run them with their own exec.',
    );
  }

  const statements: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < script.length; i += 1) {
    const ch = script[i]!;
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      current += ch;
    } else if (ch === '-' && script[i + 1] === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
    } else if (ch === ';') {
      statements.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  statements.push(current);
  return statements.map((s) => s.trim()).filter((s) => s.length > 0);
}
