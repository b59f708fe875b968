import type { AddressFields, CustomerFields } from './customer-config.ts';

/**
 * The CRM's company record as the customer matcher needs it. A CRM adapter either builds one
 * itself or hands its raw record to readCrmAccount, which follows the configured field map.
 */

export interface CrmAddress {
  /** The CRM's word for the address's use, e.g. "billing", "shipping". */
  kind: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
}

export interface CrmAccount {
  /** The CRM's own id for the account: the key of the id map. */
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  taxId: string | null;
  /** ISO 3166-1 alpha-2; falls back to the chosen address's country. */
  country: string | null;
  addresses: CrmAddress[];
  segment: string | null;
  paymentTerms: string | null;
}

function at(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function readAddress(raw: unknown, fields: AddressFields): CrmAddress {
  return {
    kind: text(at(raw, fields.kind)),
    street: text(at(raw, fields.street)),
    postalCode: text(at(raw, fields.postalCode)),
    city: text(at(raw, fields.city)),
    country: text(at(raw, fields.country)),
  };
}

/** Reads a raw CRM account record through the field map; absent fields become null. */
export function readCrmAccount(
  raw: unknown,
  maps: { fields: CustomerFields; addressFields: AddressFields },
): CrmAccount {
  const { fields, addressFields } = maps;
  const addresses = at(raw, fields.addresses);
  return {
    id: text(at(raw, fields.id)) ?? '',
    name: text(at(raw, fields.name)) ?? '',
    email: text(at(raw, fields.email)),
    phone: text(at(raw, fields.phone)),
    taxId: text(at(raw, fields.taxId)),
    country: text(at(raw, fields.country)),
    addresses: Array.isArray(addresses) ? addresses.map((a) => readAddress(a, addressFields)) : [],
    segment: text(at(raw, fields.segment)),
    paymentTerms: text(at(raw, fields.paymentTerms)),
  };
}

/** The address of the configured kind, else the first one. */
export function chosenAddress(account: CrmAccount, kind: string): CrmAddress | null {
  return account.addresses.find((a) => a.kind === kind) ?? account.addresses[0] ?? null;
}

/** The account's country: its own field, else its chosen address's. */
export function accountCountry(account: CrmAccount, addressKind: string): string | null {
  const country = account.country ?? chosenAddress(account, addressKind)?.country ?? null;
  return country ? country.toUpperCase() : null;
}
