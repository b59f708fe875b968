import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErpRejected, ErpUnavailable } from '../../server/erp/errors.ts';
import { Deadline } from '../../server/lookup/deadline.ts';

describe('a lookup deadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the value when the work finishes in time', async () => {
    const d = new Deadline(100);
    await expect(d.race(Promise.resolve(7))).resolves.toEqual({ ok: true, value: 7 });
  });

  it('gives a timeout when the work outlasts the budget', async () => {
    const d = new Deadline(100);
    const outcome = d.race(new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(100);
    await expect(outcome).resolves.toMatchObject({ ok: false, reason: 'erp_timeout' });
  });

  it('shares one budget between calls made later', async () => {
    const d = new Deadline(100);
    await vi.advanceTimersByTimeAsync(80);
    const outcome = d.race(new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(20);
    await expect(outcome).resolves.toMatchObject({ ok: false });
  });

  it('keeps a refusal a refusal and makes other failures unavailability', async () => {
    const d = new Deadline(100);
    await expect(
      d.must(Promise.reject(new ErpRejected('unknown_product', 'no'))),
    ).rejects.toBeInstanceOf(ErpRejected);
    await expect(d.must(Promise.reject(new TypeError('fetch failed')))).rejects.toBeInstanceOf(
      ErpUnavailable,
    );
  });
});
