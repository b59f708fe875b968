/**
 * Tax ids as people write them: "DE 123.456.789", "de123456789" and, for a German account,
 * "123456789" are one id. An id is compared as its country prefix (when written or known from
 * the account) and its national part, compact and upper-case.
 */

export interface TaxId {
  /** ISO 3166-1 alpha-2 country, or null when neither the id nor the account names one. */
  country: string | null;
  national: string;
}

/** EU VAT prefixes that are not the ISO country code (Greece writes EL). */
const prefixToCountry: Record<string, string> = { EL: 'GR' };
const countryToPrefix: Record<string, string> = { GR: 'EL' };

export function compactTaxId(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s.\-/_,]/g, '')
    .toUpperCase();
}

export function parseTaxId(raw: string | null | undefined, country?: string | null): TaxId | null {
  if (!raw) return null;
  const compact = compactTaxId(raw);
  if (!/\d/.test(compact)) return null;

  // A national part always holds digits, so two leading letters followed by more are a prefix.
  const prefixed = /^([A-Z]{2})([A-Z0-9]*\d[A-Z0-9]*)$/.exec(compact);
  if (prefixed) {
    const prefix = prefixed[1]!;
    return { country: prefixToCountry[prefix] ?? prefix, national: prefixed[2]! };
  }
  return { country: country ? country.toUpperCase() : null, national: compact };
}

/** Same national part, and no two different countries. */
export function sameTaxId(a: TaxId, b: TaxId): boolean {
  if (a.national !== b.national) return false;
  return a.country === null || b.country === null || a.country === b.country;
}

/** The id written with its VAT prefix when the country is known, e.g. "DE123456789". */
export function formatTaxId(id: TaxId): string {
  if (!id.country) return id.national;
  return `${countryToPrefix[id.country] ?? id.country}${id.national}`;
}

/**
 * The ways an ERP may have stored the id, for searches that compare exactly: with the
 * prefix and without it.
 */
export function taxIdSearchTerms(id: TaxId): string[] {
  return [...new Set([formatTaxId(id), id.national])];
}
