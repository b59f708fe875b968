import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import { readCrmAccount, type CrmAccount } from '../../server/mapping/crm-account.ts';
import { buildCustomerCreate } from '../../server/mapping/customer-create.ts';

const mapping = parseConfig({
  mapping: {
    paymentTerms: { NET30: 'Net 30', NET14: 'Net 14' },
    customers: {
      groups: { enterprise: 'Key accounts' },
      defaultGroup: 'Standard',
      limits: { name: 40 },
    },
  },
}).mapping;

const account = (over: Partial<CrmAccount>): CrmAccount => ({
  id: 'acc-1',
  name: 'Bäckerei Müller & Töchter',
  email: 'Info@Baeckerei.example',
  phone: '089 12345678',
  taxId: 'de 123 456 789',
  country: null,
  addresses: [
    { kind: 'shipping', street: 'Lagerweg 1', postalCode: '80331', city: 'München', country: 'DE' },
    {
      kind: 'billing',
      street: 'Hauptstraße  5',
      postalCode: '80331',
      city: 'München',
      country: 'de',
    },
  ],
  segment: 'enterprise',
  paymentTerms: 'NET30',
  ...over,
});

describe('the input to create a customer', () => {
  it('is built from the account through the maps', () => {
    expect(buildCustomerCreate(account({}), mapping)).toEqual({
      ok: true,
      input: {
        crmId: 'acc-1',
        name: 'Bäckerei Müller & Töchter',
        email: 'info@baeckerei.example',
        phone: '+498912345678',
        taxId: 'DE123456789',
        country: 'DE',
        address: { street: 'Hauptstraße 5', postalCode: '80331', city: 'München', country: 'DE' },
        group: 'Key accounts',
        paymentTerms: 'Net 30',
      },
    });
  });

  it('lists every missing required field at once', () => {
    const result = buildCustomerCreate(
      account({ name: '  ', email: null, taxId: null, addresses: [] }),
      mapping,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['name', 'emailOrTaxId', 'country']);
    expect(result.problems.every((p) => p.message.endsWith('.'))).toBe(true);
  });

  it('counts length in characters, so umlauts and emoji fit where their bytes would not', () => {
    const base = 'Ümlaut-Öl-Äpfel 🍎🍏 Straße & Söhne GmbH';
    const forty = base + 'ß'.repeat(40 - [...base].length);
    expect([...forty].length).toBe(40);
    expect(new TextEncoder().encode(forty).length).toBeGreaterThan(40);
    expect(buildCustomerCreate(account({ name: forty }), mapping).ok).toBe(true);

    const result = buildCustomerCreate(account({ name: `${forty}ß` }), mapping);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ field: 'name', message: expect.stringContaining('41 characters') }],
    });
  });

  it('refuses a very long name instead of cutting it', () => {
    const long = `${'Internationale Handelsgesellschaft '.repeat(10)}GmbH`;
    const result = buildCustomerCreate(account({ name: long }), parseConfig({}).mapping);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ field: 'name', message: expect.stringContaining('at most 120') }],
    });
  });

  it('reports an unreadable phone, a mistyped e-mail, a foreign tax id and unmapped terms', () => {
    const result = buildCustomerCreate(
      account({
        phone: 'ask reception',
        email: 'info(at)baeckerei',
        taxId: 'ATU12345678',
        paymentTerms: 'NET60',
      }),
      mapping,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual([
      'email',
      'paymentTerms',
      'phone',
      'taxId',
    ]);
  });

  it('falls back to the default group for an unmapped segment', () => {
    const result = buildCustomerCreate(account({ segment: 'smb' }), mapping);
    expect(result).toMatchObject({ ok: true, input: { group: 'Standard' } });
  });

  it('reads a raw CRM record through a configured field map', () => {
    const fields = parseConfig({
      mapping: {
        customers: {
          fields: {
            id: 'Id',
            name: 'Name',
            email: 'Contact.Email',
            taxId: 'VatNumber',
            country: 'Billing.Country',
            addresses: 'Addresses',
          },
          addressFields: {
            kind: 'Type',
            street: 'Line1',
            postalCode: 'Zip',
            city: 'Town',
            country: 'Country',
          },
        },
      },
    }).mapping.customers;
    const raw = {
      Id: 4711,
      Name: 'Crème & Co. SARL',
      Contact: { Email: 'bonjour@creme.example' },
      VatNumber: 'FR 40 303 265 045',
      Billing: { Country: 'FR' },
      Addresses: [
        { Type: 'billing', Line1: '1 rue de la Paix', Zip: '75002', Town: 'Paris', Country: 'FR' },
      ],
    };
    const crm = readCrmAccount(raw, fields);
    expect(crm).toMatchObject({
      id: '4711',
      name: 'Crème & Co. SARL',
      email: 'bonjour@creme.example',
      country: 'FR',
      phone: null,
    });
    expect(crm.addresses[0]).toEqual({
      kind: 'billing',
      street: '1 rue de la Paix',
      postalCode: '75002',
      city: 'Paris',
      country: 'FR',
    });
  });
});
