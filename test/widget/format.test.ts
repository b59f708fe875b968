import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../../widget/format-date.ts';
import { absolute, formatMoney, formatUnitPrice, isNegative } from '../../widget/format-money.ts';

describe('formatMoney', () => {
  it('formats the decimal string exactly, beyond what a float holds', () => {
    const money = { amount: '123456789012345.67', currency: 'EUR' };

    expect(formatMoney(money, 'en-US')).toBe('€123,456,789,012,345.67');
  });

  it('uses the currency and the locale', () => {
    expect(formatMoney({ amount: '1234.5', currency: 'USD' }, 'en-US')).toBe('$1,234.50');
    expect(formatMoney({ amount: '1234.5', currency: 'EUR' }, 'de-DE')).toBe('1.234,50\u00a0€');
  });

  it('keeps every place of a unit price', () => {
    expect(formatUnitPrice({ amount: '0.1234', currency: 'EUR' }, 'en-US')).toBe('€0.1234');
    expect(formatUnitPrice({ amount: '85.0000', currency: 'EUR' }, 'en-US')).toBe('€85.00');
  });

  it('reads signs from the string', () => {
    expect(isNegative('-0.00')).toBe(false);
    expect(isNegative('-0.01')).toBe(true);
    expect(absolute({ amount: '-225.00', currency: 'EUR' }).amount).toBe('225.00');
  });
});

describe('formatCalendarDate', () => {
  let zone: string | undefined;

  beforeEach(() => {
    zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
  });

  afterEach(() => {
    process.env.TZ = zone;
    if (zone === undefined) delete process.env.TZ;
  });

  it('shows the date itself, west of Greenwich too', () => {
    expect(new Date('2024-03-31').getDate()).toBe(30);
    expect(formatCalendarDate('2024-03-31', 'en-US')).toBe('Mar 31, 2024');
    expect(formatCalendarDate('2024-01-01', 'en-US')).toBe('Jan 1, 2024');
  });
});
