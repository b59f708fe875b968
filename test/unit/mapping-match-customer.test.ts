import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import type { CustomerQuery } from '../../server/erp/port.ts';
import type { CrmAccount } from '../../server/mapping/crm-account.ts';
import { createMemoryIdMap, type IdMapStore } from '../../server/mapping/id-map.ts';
import {
  matchCustomer,
  type CandidateCustomer,
  type CustomerDirectory,
} from '../../server/mapping/match-customer.ts';

/** An ERP customer directory that searches the way the sandbox does, plus phones. */
function directory(customers: CandidateCustomer[]) {
  const queries: (CustomerQuery & { phone?: string })[] = [];
  const erp: CustomerDirectory = {
    async searchCustomers(query, limit) {
      queries.push(query);
      return customers
        .filter(
          (c) =>
            (query.taxId !== undefined && c.taxId === query.taxId) ||
            (query.email !== undefined && c.email?.toLowerCase() === query.email.toLowerCase()) ||
            (query.phone !== undefined && c.phone === query.phone) ||
            (query.name !== undefined && c.name.toLowerCase().includes(query.name.toLowerCase())),
        )
        .slice(0, limit);
    },
    async getCustomers(ids) {
      return new Map(customers.filter((c) => ids.includes(c.id)).map((c) => [c.id, c]));
    },
  };
  return { erp, queries };
}

const customer = (
  id: string,
  name: string,
  more: Partial<CandidateCustomer> = {},
): CandidateCustomer => ({
  id,
  code: id,
  name,
  currency: 'EUR',
  priceList: null,
  email: null,
  taxId: null,
  phone: null,
  ...more,
});

const erpCustomers = [
  customer('C-1', 'ACME Industries AG', {
    taxId: 'DE123456789',
    email: 'purchasing@acme.example',
    phone: '+493012345678',
  }),
  customer('C-2', 'Müller & Söhne GmbH', { email: 'info@mueller.example' }),
  customer('C-3', 'Mueller und Soehne KG', { email: 'kontakt@mueller-kg.example' }),
  customer('C-4', 'Café Crème SARL', { taxId: 'FR40303265045', phone: '+33142685300' }),
  customer('C-5', 'Shared Services Ltd', {
    email: 'accounts@bookkeeper.example',
    taxId: 'GB999999973',
  }),
];

const account = (over: Partial<CrmAccount>): CrmAccount => ({
  id: 'crm-1',
  name: 'Someone New',
  email: null,
  phone: null,
  taxId: null,
  country: 'DE',
  addresses: [],
  segment: null,
  paymentTerms: null,
  ...over,
});

describe('matching a CRM account to an ERP customer', () => {
  const mapping = parseConfig({}).mapping;
  let idMap: IdMapStore;
  let erp: CustomerDirectory;
  let queries: (CustomerQuery & { phone?: string })[];

  beforeEach(() => {
    idMap = createMemoryIdMap();
    ({ erp, queries } = directory(erpCustomers));
  });
  const match = (over: Partial<CrmAccount>) =>
    matchCustomer(account(over), { idMap, erp, mapping });

  it('uses the stored id map before anything else', async () => {
    await idMap.remember({
      kind: 'customer',
      crmId: 'crm-1',
      erpId: 'C-4',
      via: 'manual',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    const result = await match({ name: 'ACME Industries AG', taxId: 'DE123456789' });
    expect(result).toMatchObject({ kind: 'matched', via: 'id_map', customer: { id: 'C-4' } });
    expect(queries).toEqual([]);
  });

  it('matches afresh when the mapped customer is gone from the ERP', async () => {
    await idMap.remember({
      kind: 'customer',
      crmId: 'crm-1',
      erpId: 'C-404',
      via: 'manual',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    expect(await match({ taxId: 'DE123456789' })).toMatchObject({
      kind: 'matched',
      via: 'tax_id',
      customer: { id: 'C-1' },
    });
  });

  it.each(['DE 123.456.789', 'de123456789', '123456789', '123-456-789', 'DE-123 456 789'])(
    'finds ACME by the tax id written "%s"',
    async (taxId) => {
      expect(await match({ name: 'Whatever', taxId })).toMatchObject({
        kind: 'matched',
        via: 'tax_id',
        customer: { id: 'C-1' },
      });
    },
  );

  it("does not take a German account's bare tax id for another country's", async () => {
    const result = await match({ taxId: '40303265045', country: 'DE' });
    expect(result.kind).toBe('none');
  });

  it('finds a customer by e-mail in any case', async () => {
    expect(await match({ email: ' Purchasing@ACME.example ' })).toMatchObject({
      kind: 'matched',
      via: 'email',
      customer: { id: 'C-1' },
    });
  });

  it("passes over an e-mail match whose tax id is another company's", async () => {
    const result = await match({
      name: 'Tiny Client',
      email: 'accounts@bookkeeper.example',
      taxId: 'DE811907980',
    });
    expect(result.kind).toBe('none');
  });

  it.each(['030 12345678', '+49 30 12345678', '0049 (0)30 1234-5678', '(030) 123 456 78'])(
    'finds ACME by the phone written "%s"',
    async (phone) => {
      expect(await match({ phone })).toMatchObject({
        kind: 'matched',
        via: 'phone',
        customer: { id: 'C-1' },
      });
    },
  );

  it("reads a phone without country code in the account's country", async () => {
    expect(await match({ phone: '01 42 68 53 00', country: 'FR' })).toMatchObject({
      kind: 'matched',
      customer: { id: 'C-4' },
    });
  });

  it('finds a company by a name with accents, emoji and another legal form', async () => {
    const { erp: plain } = directory([customer('C-8', 'Cafe Creme SA')]);
    const result = await matchCustomer(account({ name: 'Café Crème ☕ S.A.R.L.' }), {
      idMap,
      erp: plain,
      mapping,
    });
    expect(result).toMatchObject({ kind: 'matched', via: 'name', customer: { id: 'C-8' } });
    expect(await match({ name: 'Acme Industries' })).toMatchObject({
      kind: 'matched',
      via: 'name',
      customer: { id: 'C-1' },
    });
  });

  it('stops with both candidates when a name fits two customers', async () => {
    const result = await match({ name: 'Müller & Söhne' });
    expect(result.kind).toBe('ambiguous');
    if (result.kind !== 'ambiguous') return;
    expect(result.via).toBe('name');
    expect(result.candidates.map((c) => c.id).sort()).toEqual(['C-2', 'C-3']);
  });

  it('lets a tax id settle what a name would leave ambiguous', async () => {
    const { erp: withTax } = directory([
      ...erpCustomers,
      customer('C-6', 'Müller & Söhne AG', { taxId: 'ATU12345678' }),
    ]);
    const result = await matchCustomer(
      account({ name: 'Müller & Söhne', taxId: 'AT U12345678', country: 'AT' }),
      { idMap, erp: withTax, mapping },
    );
    expect(result).toMatchObject({ kind: 'matched', via: 'tax_id', customer: { id: 'C-6' } });
  });

  it('reports two customers with one tax id as ambiguous', async () => {
    const { erp: twice } = directory([
      ...erpCustomers,
      customer('C-7', 'ACME Industries (old)', { taxId: 'DE123456789' }),
    ]);
    const result = await matchCustomer(account({ taxId: 'DE123456789' }), {
      idMap,
      erp: twice,
      mapping,
    });
    expect(result).toMatchObject({ kind: 'ambiguous', via: 'tax_id' });
  });

  it('honours a stricter name threshold', async () => {
    const strict = parseConfig({
      mapping: { customers: { matching: { nameSimilarity: 1 } } },
    }).mapping;
    const loose = await matchCustomer(account({ name: 'Acme Industrie' }), { idMap, erp, mapping });
    const exact = await matchCustomer(account({ name: 'Acme Industrie' }), {
      idMap,
      erp,
      mapping: strict,
    });
    expect(loose.kind).toBe('matched');
    expect(exact.kind).toBe('none');
  });

  it('offers the create input when nobody matches', async () => {
    const result = await match({
      name: 'Zürich Präzision 🛠️ AG',
      email: 'Info@Praezision.example',
      country: 'CH',
      phone: '044 668 18 00',
    });
    expect(result).toEqual({
      kind: 'none',
      create: {
        ok: true,
        input: expect.objectContaining({
          name: 'Zürich Präzision 🛠️ AG',
          email: 'info@praezision.example',
          country: 'CH',
          phone: '+41446681800',
        }),
      },
    });
  });

  it('passes the abort signal to every ERP call', async () => {
    const seen: (AbortSignal | undefined)[] = [];
    const spy: CustomerDirectory = {
      searchCustomers: async (q, l, opts) => (seen.push(opts?.signal), erp.searchCustomers(q, l)),
      getCustomers: async (ids, opts) => (seen.push(opts?.signal), erp.getCustomers(ids)),
    };
    const signal = new AbortController().signal;
    await matchCustomer(account({ name: 'Nobody Known', email: 'x@y.example' }), {
      idMap,
      erp: spy,
      mapping,
      signal,
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s === signal)).toBe(true);
  });
});
