import { describe, expect, it } from 'vitest';
import { isWhole, minorUnits, plain, roundMoney, sum } from '../../server/money.ts';

describe('money arithmetic', () => {
  it('adds decimal strings without float error', () => {
    expect(sum(['0.1', '0.2']).toFixed()).toBe('0.3');
    expect(roundMoney(sum(['1234567890123.45', '0.01']), 'EUR')).toBe('1234567890123.46');
  });

  it('rounds half to even, as Tryton does', () => {
    expect(roundMoney('2.345', 'EUR')).toBe('2.34');
    expect(roundMoney('2.355', 'EUR')).toBe('2.36');
    expect(roundMoney('-2.345', 'EUR')).toBe('-2.34');
  });

  it('knows the minor unit of a currency', () => {
    expect([minorUnits('EUR'), minorUnits('JPY'), minorUnits('KWD')]).toEqual([2, 0, 3]);
  });

  it('prints plain decimals and tells whole numbers', () => {
    expect(plain('12.500')).toBe('12.5');
    expect(plain('1e3')).toBe('1000');
    expect(isWhole('3.000')).toBe(true);
    expect(isWhole('3.001')).toBe(false);
  });
});
