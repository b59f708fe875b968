import { ErpUnavailable } from '../../server/erp/errors.ts';
import { aroundErpCalls } from '../../server/erp/around-calls.ts';
import type { ErpAdapter } from '../../server/erp/port.ts';

/**
 * An ERP that misbehaves the way real ones do, at random but reproducibly (seeded):
 * - writes that time out after the ERP committed them (the answer is lost, the order is not);
 * - 502s before anything happened;
 * - 429s with a Retry-After of one second.
 * Reads fail with 502s and 429s too. `rate` is the chance that a call fails.
 */

/** mulberry32: a small seeded PRNG, enough to replay a failing run from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const writes = new Set<string>(['createOrder', 'confirmOrder']);

export function faultyErp(
  erp: ErpAdapter,
  random: () => number,
  rate: number,
  count: (kind: string) => void,
): ErpAdapter {
  return aroundErpCalls(erp, async (name, call) => {
    if (random() >= rate) return call();

    const roll = random();
    if (writes.has(name) && roll < 0.4) {
      await call();
      count('timeout_after_commit');
      throw new ErpUnavailable(`${name}: read timed out after the request was sent`, {
        ambiguous: true,
      });
    }
    if (roll < 0.8) {
      count('http_502');
      throw new ErpUnavailable(`${name}: HTTP 502 Bad Gateway`, { ambiguous: false });
    }
    count('http_429');
    throw new ErpUnavailable(`${name}: HTTP 429 Too Many Requests`, { retryAfterSeconds: 1 });
  });
}
