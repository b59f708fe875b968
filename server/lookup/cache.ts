import { LRUCache } from 'lru-cache';
import type { Metrics } from '../observe/metrics.ts';
import { Batcher } from './batcher.ts';
import type { Deadline } from './deadline.ts';

/**
 * One cache per kind of ERP data (stock, prices, credit, invoices, products). Policy is
 * decided here, once:
 * - a key's value is served fresh within its TTL; after it, the stale value is served at
 *   once while one refresh runs (stale-while-revalidate), and is flagged with its `asOf`;
 * - concurrent asks for one key share one ERP call (lru-cache's fetch coalesces), and the
 *   keys asked in one turn are loaded as one batch (Batcher);
 * - an ERP failure keeps the stale value rather than dropping it;
 * - a caller waits no longer than its deadline; the ERP call that missed it keeps running
 *   and fills the cache for the next ask.
 */

export interface Entry<V> {
  value: V;
  /** When the ERP answered (epoch ms). */
  asOf: number;
}

export type Read<V> =
  | { ok: true; value: V; asOf: number; stale: boolean }
  | { ok: false; reason: 'erp_timeout' | 'erp_unavailable'; message: string; error?: unknown };

export interface KindOptions<V> {
  kind: string;
  ttlMs: number;
  /** Entries kept at most. */
  max: number;
  /** Total size kept at most, by a rough JSON length of the values. */
  maxSize: number;
  /** Loads many keys with one ERP call; keys absent from the map are stored as `missing`. */
  loadMany: (keys: string[]) => Promise<Map<string, V>>;
  missing: V;
  /** Stale values older than this are not served (the ERP has been away too long). */
  maxStaleMs?: number;
  metrics?: Metrics;
  now?: () => number;
}

export class KindCache<V> {
  readonly kind: string;
  readonly ttlMs: number;
  readonly #lru: LRUCache<string, Entry<V>>;
  readonly #maxStaleMs: number;
  readonly #metrics: Metrics | undefined;
  readonly #now: () => number;
  #version = 0;

  constructor(options: KindOptions<V>) {
    this.kind = options.kind;
    this.ttlMs = options.ttlMs;
    this.#maxStaleMs = options.maxStaleMs ?? 60 * 60 * 1000;
    this.#metrics = options.metrics;
    this.#now = options.now ?? Date.now;
    const batcher = new Batcher(options.loadMany, options.missing);

    this.#lru = new LRUCache<string, Entry<V>>({
      max: options.max,
      maxSize: options.maxSize,
      sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry.value)?.length ?? 1),
      ttl: options.ttlMs,
      allowStale: true,
      noDeleteOnStaleGet: true,
      allowStaleOnFetchRejection: true,
      allowStaleOnFetchAbort: true,
      noDeleteOnFetchRejection: true,
      // The ERP work goes on even when the asker has given up: it fills the cache.
      ignoreFetchAbort: true,
      perf: { now: () => this.#now() },
      fetchMethod: async (key) => {
        const value = await batcher.load(key);
        this.#version += 1;
        return { value, asOf: this.#now() };
      },
    });
  }

  /** Reads keys within the deadline; `refresh` skips what is cached and asks the ERP. */
  async read(
    keys: string[],
    deadline: Deadline,
    options: { refresh?: boolean } = {},
  ): Promise<Map<string, Read<V>>> {
    const unique = [...new Set(keys)];
    const result = new Map<string, Read<V>>();

    const statuses = unique.map((): LRUCache.Status<string, Entry<V>> => ({}));
    const asks = unique.map((key, i) => {
      const status = statuses[i]!;
      const fetched = this.#lru.fetch(key, {
        forceRefresh: options.refresh,
        allowStale: !options.refresh,
        status,
      });
      this.#metrics?.cacheRequests.inc({
        kind: this.kind,
        result: status.fetch === 'hit' ? 'hit' : status.fetch === 'stale' ? 'stale' : 'miss',
      });
      return deadline.race(fetched.then((entry) => entry ?? Promise.reject(new Error('no value'))));
    });
    const outcomes = await Promise.all(asks);

    unique.forEach((key, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) {
        // A value kept because the ERP failed to refresh it is stale, whatever its age.
        const served = this.#served(outcome.value);
        result.set(key, statuses[i]!.returnedStale ? { ...served, stale: true } : served);
        return;
      }
      const old = this.#lru.get(key, { allowStale: true, noDeleteOnStaleGet: true });
      const usable = old !== undefined && this.#now() - old.asOf <= this.#maxStaleMs;
      result.set(
        key,
        usable ? { ok: true, value: old.value, asOf: old.asOf, stale: true } : outcome,
      );
    });
    return result;
  }

  invalidate(keys: Iterable<string>): void {
    this.#version += 1;
    for (const key of keys) this.#lru.delete(key);
  }

  /** Changes whenever a value is loaded or dropped: answers built on an older version are out of date. */
  get version(): number {
    return this.#version;
  }

  clear(): void {
    this.#version += 1;
    this.#lru.clear();
  }

  get size(): number {
    return this.#lru.size;
  }

  #served(entry: Entry<V>): Extract<Read<V>, { ok: true }> {
    return {
      ok: true,
      value: entry.value,
      asOf: entry.asOf,
      stale: this.#now() - entry.asOf > this.ttlMs,
    };
  }
}
