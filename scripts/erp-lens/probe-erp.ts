import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Config } from '../../server/config.ts';
import { createSandboxAdapter } from '../../server/erp/sandbox/adapter.ts';
import { createTrytonAdapter } from '../../server/erp/tryton/adapter.ts';
import type { SqlDb } from '../../server/store/sql.ts';

/**
 * One round trip to the configured ERP: log in where there is a login, then read the
 * warehouses. Never writes: the sandbox file is opened read-only, so probing a sandbox a
 * running server uses is safe.
 */

export interface ProbeResult {
  ok: boolean;
  line: string;
  /** The warehouses the ERP has, when the probe could read them. */
  warehouses?: Array<{ id: string; code: string }>;
}

export async function probeErp(config: Config, env: NodeJS.ProcessEnv): Promise<ProbeResult> {
  const started = Date.now();
  const erp = config.erp;
  try {
    if (erp.type === 'sandbox') return await probeSandbox(erp.path, started);

    const password = env[erp.passwordEnv];
    if (!password) {
      return {
        ok: false,
        line: `erp: the password is not set: put it in the environment variable ${erp.passwordEnv}`,
      };
    }
    const tryton = createTrytonAdapter({
      url: erp.url,
      database: erp.database,
      username: erp.username,
      password,
      timeoutMs: erp.timeoutMs,
    });
    await tryton.ping();
    const warehouses = await tryton.listWarehouses();
    return {
      ok: true,
      warehouses,
      line: `ERP tryton ${erp.url}/${erp.database} as ${erp.username}: logged in, ${describe(warehouses)} in ${Date.now() - started} ms`,
    };
  } catch (error) {
    const where = erp.type === 'tryton' ? `${erp.url}/${erp.database}` : erp.path;
    return {
      ok: false,
      line: `erp: ${erp.type} ${where} did not answer: ${(error as Error).message}`,
    };
  }
}

async function probeSandbox(path: string, started: number): Promise<ProbeResult> {
  if (path === ':memory:')
    return {
      ok: true,
      line: 'ERP sandbox in memory: created fresh at each start, nothing to probe',
    };
  if (!existsSync(path)) {
    return { ok: true, line: `ERP sandbox ${path}: not there yet; npm start creates and seeds it` };
  }

  const db = openReadOnly(path);
  try {
    const warehouses = await createSandboxAdapter(db).listWarehouses();
    return {
      ok: true,
      warehouses,
      line: `ERP sandbox ${path}: ${describe(warehouses)} in ${Date.now() - started} ms`,
    };
  } catch (error) {
    return {
      ok: false,
      line: `erp.path: ${path} is not a sandbox database (${(error as Error).message}); point it elsewhere or delete it`,
    };
  } finally {
    await db.close();
  }
}

function describe(warehouses: { code: string }[]): string {
  return `${warehouses.length} warehouse(s)${warehouses.length ? ` (${warehouses.map((w) => w.code).join(', ')})` : ''}`;
}

/** Reads only; any write is a bug in the probe. */
function openReadOnly(path: string): SqlDb {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const refuse = async (): Promise<never> => {
    throw new Error('the probe opened the sandbox read-only');
  };
  return {
    all: async <T>(sql: string, params: (string | number | null)[] = []) =>
      db.prepare(sql).all(...params) as T[],
    first: async <T>(sql: string, params: (string | number | null)[] = []) =>
      (db.prepare(sql).get(...params) as T | undefined) ?? null,
    run: refuse,
    batch: refuse,
    exec: refuse,
    close: async () => {
      db.close();
    },
  };
}
