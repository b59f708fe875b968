import Big from 'big.js';

/**
 * Decimal arithmetic for money and quantities. Values come and go as decimal strings;
 * big.js does the sums so that no figure passes through a binary float.
 */

Big.DP = 20;
// Tryton's currency.round() quantizes with ROUND_HALF_EVEN; line totals must match the
// ERP's to the cent, so we round the same way (banker's rounding).
Big.RM = Big.roundHalfEven;

export type Dec = Big;

export function dec(value: string | number | Big): Big {
  return new Big(value);
}

const minorUnitCache = new Map<string, number>();

/** Digits after the decimal point in a currency's minor unit (EUR 2, JPY 0, KWD 3). */
export function minorUnits(currency: string): number {
  // Building an Intl.NumberFormat costs tens of microseconds; a lookup rounds dozens of amounts.
  let digits = minorUnitCache.get(currency);
  if (digits === undefined) {
    const opts = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
    digits = opts.maximumFractionDigits ?? 2;
    minorUnitCache.set(currency, digits);
  }
  return digits;
}

/** Rounds an amount to the currency's minor unit and prints it with exactly that many digits. */
export function roundMoney(value: Big | string, currency: string): string {
  return dec(value).round(minorUnits(currency), Big.roundHalfEven).toFixed(minorUnits(currency));
}

/** A plain decimal string without exponent and without superfluous trailing zeros. */
export function plain(value: Big | string): string {
  const s = dec(value).toFixed();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

export function sum(values: Array<Big | string>): Big {
  return values.reduce<Big>((acc, v) => acc.plus(v), dec(0));
}

export function isWhole(value: Big | string): boolean {
  const d = dec(value);
  return d.eq(d.round(0, Big.roundDown));
}
