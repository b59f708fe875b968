import { describe, expect, it } from 'vitest';
import { companyKey, nameSearchTerms, nameSimilarity } from '../../server/mapping/company-name.ts';

describe('company names', () => {
  it.each([
    ['Müller & Söhne GmbH', 'muller and sohne'],
    ['Globex Retail GmbH & Co. KG', 'globex retail'],
    ['Ferrari S.p.A.', 'ferrari'],
    ['Philips B.V.', 'philips'],
    ['Café Crème SARL', 'cafe creme'],
    ['Straße & Bau AG', 'strasse and bau'],
    ['Umbrella Supplies Ltd.', 'umbrella supplies'],
    ['Acme, Inc.', 'acme'],
    ['Rocket 🚀 Labs LLC', 'rocket labs'],
  ])('reads "%s" as "%s"', (name, key) => {
    expect(companyKey(name)).toBe(key);
  });

  it('keeps a name that is only a legal form', () => {
    expect(companyKey('AG')).toBe('ag');
  });

  it('finds umlauts written out, accents dropped and "&" spelled as a word the same company', () => {
    for (const other of ['MUELLER und Soehne', 'Muller & Sohne KG', 'müller and söhne']) {
      expect(nameSimilarity('Müller & Söhne GmbH', other)).toBe(1);
    }
  });

  it('scores a typo high and a different company low', () => {
    expect(nameSimilarity('Globex Retail GmbH', 'Globex Retial')).toBeGreaterThan(0.8);
    expect(nameSimilarity('Globex Retail GmbH', 'Initech Bau GmbH')).toBeLessThan(0.5);
  });

  it('compares very long names without trouble', () => {
    const long = `${'Internationale Handelsgesellschaft für Werkzeuge und Maschinen '.repeat(8)}GmbH`;
    expect(nameSimilarity(long, long.toUpperCase())).toBe(1);
    expect(nameSimilarity(long, `${long.slice(0, -10)}X GmbH`)).toBeGreaterThan(0.95);
  });

  it('asks the ERP for the telling words, with and without umlauts', () => {
    expect(nameSearchTerms('Müller & Söhne GmbH')).toEqual([
      'Müller',
      'Muller',
      'Mueller',
      'Söhne',
    ]);
    expect(nameSearchTerms('AG')).toEqual([]);
  });
});
