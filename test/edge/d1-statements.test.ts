import { describe, expect, it } from 'vitest';
import { sandboxMigrations } from '../../server/erp/sandbox/schema.ts';
import { splitStatements } from '../../server/store/d1.ts';
import { storeMigrations } from '../../server/store/migrations.ts';

/** D1 takes a migration as separate statements; the split must keep each one whole. */
describe('splitting a migration for D1', () => {
  it('splits at the semicolons that end statements', () => {
    expect(splitStatements('CREATE TABLE a (x TEXT);\n  CREATE INDEX a_x ON a (x);\n')).toEqual([
      'CREATE TABLE a (x TEXT)',
      'CREATE INDEX a_x ON a (x)',
    ]);
  });

  it('keeps semicolons inside quotes and drops comments', () => {
    expect(
      splitStatements('INSERT INTO t VALUES (\'a;b\'); -- done; really\nSELECT "x;y" FROM t'),
    ).toEqual(["INSERT INTO t VALUES ('a;b')", 'SELECT "x;y" FROM t']);
  });

  it('refuses a trigger rather than cutting its body apart', () => {
    expect(() =>
      splitStatements('CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;'),
    ).toThrow(/triggers/);
  });

  it('turns every store and sandbox migration into whole CREATE and ALTER statements', () => {
    for (const m of [...storeMigrations, ...sandboxMigrations]) {
      const statements = splitStatements(m.sql);
      expect(statements.length).toBeGreaterThan(0);
      for (const s of statements) expect(s).toMatch(/^(CREATE|ALTER|INSERT|UPDATE|DROP)\b/);
    }
  });
});
