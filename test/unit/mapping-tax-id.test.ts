import { describe, expect, it } from 'vitest';
import {
  formatTaxId,
  parseTaxId,
  sameTaxId,
  taxIdSearchTerms,
} from '../../server/mapping/tax-id.ts';

describe('tax ids', () => {
  const reference = parseTaxId('DE123456789')!;

  it.each([
    'DE 123.456.789',
    'de123456789',
    'DE-123-456-789',
    ' de 123 456 789 ',
    'DE/123.456.789',
  ])('reads "%s" as the German id 123456789', (written) => {
    expect(parseTaxId(written)).toEqual({ country: 'DE', national: '123456789' });
  });

  it('takes the country from the account when the id has no prefix', () => {
    const bare = parseTaxId('123.456.789', 'de')!;
    expect(bare).toEqual({ country: 'DE', national: '123456789' });
    expect(sameTaxId(bare, reference)).toBe(true);
  });

  it('matches a bare id when neither side knows the country', () => {
    expect(sameTaxId(parseTaxId('123456789')!, reference)).toBe(true);
  });

  it('keeps ids of two countries apart', () => {
    expect(sameTaxId(parseTaxId('123456789', 'AT')!, reference)).toBe(false);
    expect(sameTaxId(parseTaxId('GB123456789')!, reference)).toBe(false);
  });

  it('treats the Greek VAT prefix EL as Greece', () => {
    const greek = parseTaxId('EL 094259216')!;
    expect(greek.country).toBe('GR');
    expect(sameTaxId(greek, parseTaxId('094259216', 'GR')!)).toBe(true);
    expect(formatTaxId(greek)).toBe('EL094259216');
  });

  it('rejects text without digits', () => {
    expect(parseTaxId('n/a')).toBeNull();
    expect(parseTaxId('')).toBeNull();
  });

  it('searches with and without the prefix', () => {
    expect(taxIdSearchTerms(parseTaxId('123 456 789', 'DE')!)).toEqual([
      'DE123456789',
      '123456789',
    ]);
  });
});
