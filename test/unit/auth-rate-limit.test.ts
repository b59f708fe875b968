import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from '../../server/auth/rate-limit.ts';

describe('the fixed-window rate limiter', () => {
  it('admits up to the limit, then says how long to wait', () => {
    let clock = 0;
    const limiter = new FixedWindowLimiter({ max: 3, windowMs: 60_000 }, () => clock);
    expect([limiter.take('rep'), limiter.take('rep'), limiter.take('rep')].every((a) => a.ok)).toBe(
      true,
    );

    clock = 15_500;
    expect(limiter.take('rep')).toEqual({ ok: false, retryAfterSeconds: 45 });
  });

  it('opens again when the window is over', () => {
    let clock = 0;
    const limiter = new FixedWindowLimiter({ max: 1, windowMs: 1_000 }, () => clock);
    limiter.take('rep');
    expect(limiter.take('rep').ok).toBe(false);

    clock = 1_000;
    expect(limiter.take('rep').ok).toBe(true);
  });

  it('counts each subject on its own', () => {
    const limiter = new FixedWindowLimiter({ max: 1, windowMs: 1_000 }, () => 0);
    expect(limiter.take('rep-a').ok).toBe(true);
    expect(limiter.take('rep-b').ok).toBe(true);
    expect(limiter.take('rep-a').ok).toBe(false);
  });

  it('never asks to wait less than a second', () => {
    let clock = 0;
    const limiter = new FixedWindowLimiter({ max: 1, windowMs: 1_000 }, () => clock);
    limiter.take('rep');
    clock = 999;
    expect(limiter.take('rep')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});
