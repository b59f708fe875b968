import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataDir, startServer, type ServerProcess } from './server-process.ts';

/**
 * The server process is SIGKILLed right after each step of a conversion is recorded, then
 * started again; every run must end with exactly one ERP order and one write-back.
 */

const steps = [
  'validated',
  'customer_resolved',
  'order_created',
  'order_confirmed',
  'written_back',
] as const;
// A short lease, so the restarted server takes over the orphaned conversion quickly.
const conversion = { leaseMs: 500, pollMs: 100, backoffBaseMs: 100 };

async function poll<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a conversion killed at each step boundary', () => {
  let server: ServerProcess | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(async () => {
    await server?.kill();
    cleanup?.();
  });

  it.each(steps)('ends with one order and one write-back when killed after %s', async (step) => {
    const data = dataDir({ conversion });
    cleanup = data.remove;

    server = await startServer(data.file, { ERP_LENS_HOLD_AFTER_STEP: step });
    const pending = server.api('POST', '/api/deals/D-1003/convert').catch((e: Error) => e);
    const held = await server.waitFor('conversion.held');
    expect(held).toMatchObject({ dealId: 'D-1003', step });
    await server.kill('SIGKILL');
    expect(await pending).toBeInstanceOf(Error); // the client saw the connection die

    // The restarted server's retry worker finds the orphaned run once its lease expired.
    server = await startServer(data.file);
    const conversionOf = async () =>
      (await (await server!.api('GET', '/api/deals/D-1003/conversion')).json()) as {
        conversion: { status: string; orderNumber: string };
      };
    const final = await poll(conversionOf, (c) => c.conversion.status === 'done');
    expect(final.conversion.status).toBe('done');
    await server.kill('SIGTERM');
    server = undefined;

    const erp = new Database(join(data.dir, 'sandbox.sqlite'), { readonly: true });
    const store = new Database(join(data.dir, 'store.sqlite'), { readonly: true });
    try {
      const orders = erp
        .prepare('SELECT number, state FROM sb_orders WHERE reference = ?')
        .all('D-1003');
      // The write-back's own audit entry (resumed runs log under their current step too).
      const writeBacks = store
        .prepare(
          "SELECT COUNT(*) AS n FROM audit_log WHERE deal_id = ? AND summary LIKE 'Order number % written to the CRM deal'",
        )
        .get('D-1003');
      const deal = store
        .prepare('SELECT erp_order_number FROM playground_deals WHERE id = ?')
        .get('D-1003');
      expect(orders).toEqual([{ number: final.conversion.orderNumber, state: 'confirmed' }]);
      expect(writeBacks).toEqual({ n: 1 });
      expect(deal).toEqual({ erp_order_number: final.conversion.orderNumber });
    } finally {
      erp.close();
      store.close();
    }
  });
});
