import { describe, expect, it } from 'vitest';
import type { DealLookupResponse } from '../../shared/api.ts';
import { AnswerMemo } from '../../server/lookup/answer-memo.ts';

const ttl = { stock: 30_000, prices: 300_000, credit: 120_000 };
const fact = (asOf: string, stale = false) => ({ status: 'ok' as const, asOf, stale, value: {} });

function answer(
  over: { stockStale?: boolean; creditUnavailable?: boolean } = {},
): DealLookupResponse {
  return {
    customer: null,
    currency: 'EUR',
    lines: [
      {
        productId: 'P',
        quantity: '1',
        product: null,
        stock: fact('2026-12-04T14:00:00Z', over.stockStale),
        price: fact('2026-12-04T14:00:00Z'),
      },
    ],
    total: { amount: { amount: '1.00', currency: 'EUR' }, complete: true },
    credit: over.creditUnavailable
      ? { status: 'unavailable', reason: 'erp_timeout', message: 'late' }
      : fact('2026-12-04T14:00:10Z'),
    answeredAt: '2026-12-04T14:00:10Z',
  } as unknown as DealLookupResponse;
}

describe('the deal answer memo', () => {
  const at = (iso: string) => () => Date.parse(iso);

  it('gives back the stored bytes for the same body and version', () => {
    const memo = new AnswerMemo({ max: 10, maxBytes: 10_000, now: at('2026-12-04T14:00:20Z') });
    memo.keep('{"a":1}', 'v1', answer(), 'BYTES', ttl);
    expect(memo.get('{"a":1}', 'v1')).toBe('BYTES');
    expect(memo.get('{"a":2}', 'v1')).toBeUndefined();
  });

  it('retires an answer when the caches underneath changed', () => {
    const memo = new AnswerMemo({ max: 10, maxBytes: 10_000, now: at('2026-12-04T14:00:20Z') });
    memo.keep('b', 'v1', answer(), 'BYTES', ttl);
    expect(memo.get('b', 'v2')).toBeUndefined();
  });

  it('retires an answer when its oldest part turns stale', () => {
    let now = Date.parse('2026-12-04T14:00:20Z');
    const memo = new AnswerMemo({ max: 10, maxBytes: 10_000, now: () => now });
    memo.keep('b', 'v1', answer(), 'BYTES', ttl);
    now = Date.parse('2026-12-04T14:00:29Z');
    expect(memo.get('b', 'v1')).toBe('BYTES');
    now = Date.parse('2026-12-04T14:00:31Z'); // stock fetched at 14:00:00 with a 30 s TTL
    expect(memo.get('b', 'v1')).toBeUndefined();
  });

  it('keeps no answer with a stale or unavailable part', () => {
    const memo = new AnswerMemo({ max: 10, maxBytes: 10_000, now: at('2026-12-04T14:00:20Z') });
    memo.keep('stale', 'v1', answer({ stockStale: true }), 'X', ttl);
    memo.keep('gone', 'v1', answer({ creditUnavailable: true }), 'X', ttl);
    expect(memo.get('stale', 'v1')).toBeUndefined();
    expect(memo.get('gone', 'v1')).toBeUndefined();
  });
});
