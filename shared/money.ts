import { z } from 'zod';

/**
 * A decimal number written as a string, so that no figure ever passes through a JS float.
 * Up to 15 integer digits and 6 fraction digits covers every ERP we target (Tryton keeps
 * unit prices to 4 places, totals to the currency's minor unit).
 */
export const DecimalString = z
  .string()
  .regex(
    /^-?\d{1,15}(\.\d{1,6})?$/,
    'a decimal number as a string, at most 15 digits before the point and 6 after, e.g. "12.50"',
  );

/** ISO 4217 currency code. */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code, e.g. "EUR"');

export const Money = z.object({ amount: DecimalString, currency: CurrencyCode });

/** A quantity a rep may type: positive, decimal, at most 6 fraction digits (kg, m). */
export const Quantity = DecimalString.refine((v) => !v.startsWith('-') && /[1-9]/.test(v), {
  message: 'a quantity greater than zero, e.g. "3" or "2.5"',
});

/** A calendar date without time zone: due dates and invoice dates stay dates. */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** An instant, ISO 8601 in UTC. */
export const Instant = z.string().datetime();

export type DecimalString = z.infer<typeof DecimalString>;
export type CurrencyCode = z.infer<typeof CurrencyCode>;
export type Money = z.infer<typeof Money>;
export type CalendarDate = z.infer<typeof CalendarDate>;
