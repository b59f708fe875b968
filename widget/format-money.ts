import type { Money } from '../shared/money.ts';

type NumericString = `${number}`;

const cache = new Map<string, Intl.NumberFormat>();

function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let found = cache.get(key);
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

/**
 * Formats the decimal string itself: since ES2023 (Intl.NumberFormat v3) `format` reads a
 * numeric string exactly, so no figure passes through a float on its way to the screen.
 * Totals keep the currency's minor unit; the server has already rounded them.
 */
export function formatMoney(money: Money, locale?: string): string {
  const format = formatter(`money|${locale ?? ''}|${money.currency}`, () => {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  });

  return format.format(money.amount as NumericString);
}

/** Unit prices may carry more places than the currency (Tryton keeps four); show them all. */
export function formatUnitPrice(money: Money, locale?: string): string {
  const format = formatter(`unit|${locale ?? ''}|${money.currency}`, () => {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      maximumFractionDigits: 6,
    });
  });

  return format.format(money.amount as NumericString);
}

export function formatQuantity(quantity: string, locale?: string): string {
  const format = formatter(`quantity|${locale ?? ''}`, () => {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  });

  return format.format(quantity as NumericString);
}

export function formatPercent(percent: string, locale?: string): string {
  return `${formatQuantity(percent, locale)} %`;
}

export function isNegative(decimal: string): boolean {
  return decimal.startsWith('-') && /[1-9]/.test(decimal);
}

export function isZero(decimal: string): boolean {
  return !/[1-9]/.test(decimal);
}

/** The amount without its sign, as a string: "-120.50" becomes "120.50". */
export function absolute(money: Money): Money {
  return { ...money, amount: money.amount.replace(/^-/, '') };
}
