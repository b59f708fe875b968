import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxMigrations } from '../../server/erp/sandbox/schema.ts';
import { seedSandbox } from '../../server/erp/sandbox/seed.ts';
import { migrate } from '../../server/store/sql.ts';
import { openSqlite } from '../../server/store/sqlite.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/erp-lens.js', ...args],
      { cwd: root, env: { ...process.env, ERP_LENS_CONFIG: '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('erp-lens check-config', () => {
  let dir: string;
  const file = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'erp-lens-check-'));
    const db = openSqlite(join(dir, 'sandbox.sqlite'));
    await migrate(db, 'sandbox', sandboxMigrations);
    await seedSandbox(db, new Date('2026-06-01T00:00:00Z'));
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every problem of a malformed file and exits 1', async () => {
    const bad = file('bad.json', {
      erp: { type: 'tryton', url: 'nope' },
      lookup: { deadlineMs: -1 },
      mapping: { customers: { matching: { defaultPhoneRegion: 'XX' } } },
      extra: true,
    });
    const { code, stdout, stderr } = await run(['check-config', bad]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    for (const path of [
      'erp.url',
      'erp.database',
      'erp.username',
      'lookup.deadlineMs',
      'mapping.customers.matching.defaultPhoneRegion',
      '"extra"',
    ]) {
      expect(stderr).toContain(path);
    }
  });

  it('says so when the file is not JSON', async () => {
    const { code, stderr } = await run(['check-config', file('broken.json', '{ "erp": ')]);
    expect(code).toBe(1);
    expect(stderr).toContain('not JSON');
  });

  it('reports a valid sandbox file and reads the sandbox', async () => {
    const good = file('good.json', {
      erp: { type: 'sandbox', path: join(dir, 'sandbox.sqlite') },
      lookup: { warehouses: ['BER'] },
    });
    const { code, stdout, stderr } = await run(['check-config', good]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('is valid');
    expect(stdout).toContain('2 warehouse(s) (BER, MUC)');
  });

  it('fails when a Tryton password is missing from the environment', async () => {
    const tryton = file('tryton.json', {
      erp: {
        type: 'tryton',
        url: 'http://127.0.0.1:8000',
        database: 'd',
        username: 'u',
        passwordEnv: 'ERP_LENS_TEST_NO_SUCH_PASSWORD',
      },
    });
    const { code, stderr } = await run(['check-config', tryton]);
    expect(code).toBe(1);
    expect(stderr).toContain('ERP_LENS_TEST_NO_SUCH_PASSWORD');
  });

  it('fails when the Tryton server does not answer', async () => {
    const port = await closedPort();
    const tryton = file('tryton-down.json', {
      erp: {
        type: 'tryton',
        url: `http://127.0.0.1:${port}`,
        database: 'd',
        username: 'u',
        timeoutMs: 2000,
      },
    });
    const { code, stderr } = await run(['check-config', tryton], {
      TRYTON_PASSWORD: 'not-a-real-one',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('did not answer');
  });

  it('shows its usage for an unknown command', async () => {
    const { code, stderr } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: erp-lens check-config');
  });

  it('refuses what start-up refuses: dev mode off loopback, and warehouses the ERP lacks', async () => {
    const sandbox = { type: 'sandbox', path: join(dir, 'sandbox.sqlite') };
    const open = await run([
      'check-config',
      file('open.json', { server: { host: '0.0.0.0' }, erp: sandbox }),
    ]);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('only listens on loopback');

    const ghost = await run([
      'check-config',
      file('ghost.json', { erp: sandbox, lookup: { warehouses: ['BER', 'XXX'] } }),
    ]);
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toContain('lookup.warehouses: XXX not in the ERP, which has BER, MUC');
  });
});
