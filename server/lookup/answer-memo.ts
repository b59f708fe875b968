import { LRUCache } from 'lru-cache';
import type { DealLookupResponse } from '../../shared/api.ts';
import type { Metrics } from '../observe/metrics.ts';

/**
 * Remembers whole deal answers, serialised, by the exact request body. A rep's widget asks
 * the same deal again and again (every debounced edit that changes nothing, every poll,
 * every colleague on the same deal); composing a 50-line answer costs far more than
 * sending stored bytes.
 *
 * An answer is kept only while it is exactly what a fresh composition would give:
 * - only answers whose every part is fresh are kept (degraded ones are recomposed, so
 *   they pick up the ERP's return);
 * - it expires when its oldest part would turn stale;
 * - any load or drop in the caches underneath (a refresh landing, an invalidation after
 *   a conversion) changes their version and retires it.
 */

interface Memo {
  body: string;
  version: string;
  freshUntil: number;
}

export class AnswerMemo {
  readonly #lru: LRUCache<string, Memo>;
  readonly #now: () => number;
  readonly #metrics: Metrics | undefined;

  constructor(options: { max: number; maxBytes: number; now?: () => number; metrics?: Metrics }) {
    this.#now = options.now ?? Date.now;
    this.#metrics = options.metrics;
    this.#lru = new LRUCache<string, Memo>({
      max: options.max,
      maxSize: options.maxBytes,
      sizeCalculation: (memo, key) => memo.body.length + key.length,
    });
  }

  get(request: string, version: string): string | undefined {
    const memo = this.#lru.get(request);
    const valid = memo !== undefined && memo.version === version && this.#now() < memo.freshUntil;
    this.#metrics?.answerMemo.inc({ result: valid ? 'hit' : 'miss' });
    return valid ? memo.body : undefined;
  }

  /** Keeps the answer if every part of it is fresh; `ttlOf` says how long each part stays so. */
  keep(
    request: string,
    version: string,
    answer: DealLookupResponse,
    body: string,
    ttl: { stock: number; prices: number; credit: number },
  ): void {
    const until: number[] = [];
    const fresh = (fact: { status: string; stale?: boolean; asOf?: string }, ttlMs: number) => {
      if (fact.status !== 'ok' || fact.stale) return false;
      until.push(Date.parse(fact.asOf!) + ttlMs);
      return true;
    };
    const allFresh =
      fresh(answer.credit, ttl.credit) &&
      answer.lines.every((l) => fresh(l.stock, ttl.stock) && fresh(l.price, ttl.prices));
    if (!allFresh) return;
    this.#lru.set(request, { body, version, freshUntil: Math.min(...until) });
  }

  clear(): void {
    this.#lru.clear();
  }
}
