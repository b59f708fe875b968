import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KindCache } from '../../server/lookup/cache.ts';
import { Deadline } from '../../server/lookup/deadline.ts';
import { Metrics } from '../../server/observe/metrics.ts';

function stockCache(load: (keys: string[]) => Promise<Map<string, string>>, ttlMs = 30_000) {
  const metrics = new Metrics();
  const cache = new KindCache<string>({
    kind: 'stock',
    ttlMs,
    max: 100,
    maxSize: 10_000,
    loadMany: load,
    missing: 'none',
    metrics,
  });
  return { cache, metrics };
}

const echo = (calls: string[][]) => async (keys: string[]) => {
  calls.push(keys);
  return new Map(keys.map((k) => [k, `v:${k}:${calls.length}`]));
};

describe('the lookup cache', () => {
  beforeEach(() =>
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] }),
  );
  afterEach(() => vi.useRealTimers());

  async function read(cache: KindCache<string>, keys: string[], budget = 2000, refresh = false) {
    const pending = cache.read(keys, new Deadline(budget), { refresh });
    await vi.advanceTimersByTimeAsync(1);
    return pending;
  }

  it('loads the keys one request asks for with one batched call', async () => {
    const calls: string[][] = [];
    const { cache } = stockCache(echo(calls));
    const got = await read(cache, ['a', 'b', 'c', 'a']);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(got.get('b')).toMatchObject({ ok: true, value: 'v:b:1', stale: false });
  });

  it('shares one ERP call between concurrent asks for the same key', async () => {
    const calls: string[][] = [];
    const { cache } = stockCache(echo(calls));
    const asks = Array.from({ length: 20 }, () => cache.read(['a'], new Deadline(2000)));
    await vi.advanceTimersByTimeAsync(1);
    const answers = await Promise.all(asks);
    expect(calls).toEqual([['a']]);
    expect(new Set(answers.map((a) => (a.get('a') as { value: string }).value))).toEqual(
      new Set(['v:a:1']),
    );
  });

  it('serves a hit without calling the ERP within the TTL', async () => {
    const calls: string[][] = [];
    const { cache, metrics } = stockCache(echo(calls));
    await read(cache, ['a']);
    await vi.advanceTimersByTimeAsync(29_000);
    const again = await read(cache, ['a']);
    expect(calls).toHaveLength(1);
    expect(again.get('a')).toMatchObject({ stale: false });
    expect(metrics.cacheRequests.get({ kind: 'stock', result: 'hit' })).toBe(1);
    expect(metrics.cacheRequests.get({ kind: 'stock', result: 'miss' })).toBe(1);
  });

  it('serves the stale value at once after the TTL and refreshes it in the background', async () => {
    const calls: string[][] = [];
    const { cache } = stockCache(echo(calls));
    await read(cache, ['a']);
    await vi.advanceTimersByTimeAsync(31_000);

    const stale = await read(cache, ['a']);
    expect(stale.get('a')).toMatchObject({ ok: true, value: 'v:a:1', stale: true });
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    const fresh = await read(cache, ['a']);
    expect(fresh.get('a')).toMatchObject({ value: 'v:a:2', stale: false });
  });

  it('keeps the stale value, flagged, when the ERP fails', async () => {
    let fail = false;
    const { cache } = stockCache(async (keys) => {
      if (fail) throw new Error('ERP down');
      return new Map(keys.map((k) => [k, 'old']));
    });
    await read(cache, ['a']);
    await vi.advanceTimersByTimeAsync(31_000);
    fail = true;
    await read(cache, ['a']);
    await vi.advanceTimersByTimeAsync(1);
    const after = await read(cache, ['a']);
    expect(after.get('a')).toMatchObject({ ok: true, value: 'old', stale: true });
  });

  it('answers by the deadline with unavailable when nothing is cached, and fills the cache later', async () => {
    let release: (() => void) | undefined;
    const { cache } = stockCache(
      (keys) =>
        new Promise((resolve) => (release = () => resolve(new Map(keys.map((k) => [k, 'late']))))),
    );
    const pending = cache.read(['a'], new Deadline(2000));
    await vi.advanceTimersByTimeAsync(2000);
    expect((await pending).get('a')).toMatchObject({ ok: false, reason: 'erp_timeout' });

    release!();
    await vi.advanceTimersByTimeAsync(1);
    expect((await read(cache, ['a'])).get('a')).toMatchObject({
      ok: true,
      value: 'late',
      stale: false,
    });
  });

  it('answers by the deadline with the stale value when the refresh is slow', async () => {
    let slow = false;
    const { cache } = stockCache(async (keys) => {
      if (slow) await new Promise((r) => setTimeout(r, 5000));
      return new Map(keys.map((k) => [k, slow ? 'new' : 'old']));
    });
    await read(cache, ['a']);
    await vi.advanceTimersByTimeAsync(31_000);
    slow = true;
    const pending = cache.read(['a'], new Deadline(2000), { refresh: true });
    await vi.advanceTimersByTimeAsync(2000);
    expect((await pending).get('a')).toMatchObject({ ok: true, value: 'old', stale: true });
  });

  it('stores what the ERP does not know as the missing value', async () => {
    const { cache } = stockCache(async () => new Map());
    expect((await read(cache, ['ghost'])).get('ghost')).toMatchObject({ ok: true, value: 'none' });
  });

  it('goes back to the ERP after an invalidation or with refresh', async () => {
    const calls: string[][] = [];
    const { cache } = stockCache(echo(calls));
    await read(cache, ['a', 'b']);
    cache.invalidate(['a']);
    await read(cache, ['a', 'b']);
    expect(calls).toEqual([['a', 'b'], ['a']]);
    const refreshed = await read(cache, ['b'], 2000, true);
    expect(calls.at(-1)).toEqual(['b']);
    expect(refreshed.get('b')).toMatchObject({ stale: false, value: 'v:b:3' });
  });

  it('stays within its entry bound', async () => {
    const { cache } = stockCache(echo([]));
    await read(
      cache,
      Array.from({ length: 150 }, (_, i) => `k${i}`),
    );
    expect(cache.size).toBeLessThanOrEqual(100);
  });
});
