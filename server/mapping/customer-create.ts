import type { MappingConfig } from '../config.ts';
import type { ErpNewCustomer } from '../erp/port.ts';
import { accountCountry, chosenAddress, type CrmAccount } from './crm-account.ts';
import type { CustomerLimits } from './customer-config.ts';
import { mapPaymentTerms } from './payment-terms.ts';
import { toE164 } from './phone.ts';
import { formatTaxId, parseTaxId } from './tax-id.ts';

/**
 * What the ERP needs to create a customer the CRM knows and the ERP not, built from the
 * configured maps. Every problem is listed at once, so the account is fixed in one go;
 * nothing is cut short silently, since a truncated name or tax id is a wrong record.
 */

/** The port's shape: the matcher builds exactly what ErpAdapter.createCustomer takes. */
export type CustomerCreateInput = ErpNewCustomer;

export interface FieldProblem {
  field: keyof CustomerCreateInput | 'emailOrTaxId';
  message: string;
}

export type CustomerCreateResult =
  { ok: true; input: CustomerCreateInput } | { ok: false; problems: FieldProblem[] };

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function clean(value: string | null | undefined): string | null {
  const text = value?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** Characters as a person counts them in the ERP's field: code points, not UTF-8 bytes. */
function chars(value: string): number {
  return [...value].length;
}

export function buildCustomerCreate(
  account: CrmAccount,
  mapping: Pick<MappingConfig, 'customers' | 'paymentTerms'>,
): CustomerCreateResult {
  const config = mapping.customers;
  const problems: FieldProblem[] = [];
  const problem = (field: FieldProblem['field'], message: string) =>
    problems.push({ field, message });

  const name = clean(account.name);
  const email = clean(account.email)?.toLowerCase() ?? null;
  const country = accountCountry(account, config.addressKind);
  const taxId = parseTaxId(clean(account.taxId), country);
  const phone = clean(account.phone);
  const e164 = toE164(phone, country ?? config.matching.defaultPhoneRegion);

  if (!name) problem('name', 'The CRM account has no name; fill it in the CRM.');
  if (!email && !account.taxId?.trim()) {
    problem(
      'emailOrTaxId',
      'The CRM account has neither an e-mail nor a tax id; add one of them in the CRM.',
    );
  }
  if (email && !emailShape.test(email))
    problem('email', `"${email}" is not an e-mail address; fix it in the CRM.`);
  if (account.taxId?.trim() && !taxId) {
    problem('taxId', `"${account.taxId}" is not a tax id (it has no digits); fix it in the CRM.`);
  }
  if (!country) {
    problem(
      'country',
      "The CRM account has no country; set the account's or its address's country.",
    );
  } else if (!/^[A-Z]{2}$/.test(country)) {
    problem(
      'country',
      `"${country}" is not a two-letter country code such as "DE"; fix it in the CRM.`,
    );
  }
  if (phone && !e164) {
    problem(
      'phone',
      `"${phone}" is not a valid phone number for ${country ?? config.matching.defaultPhoneRegion}; fix it in the CRM or add the country code.`,
    );
  }
  if (taxId?.country && country && taxId.country !== country) {
    problem(
      'taxId',
      `Tax id "${account.taxId}" is from ${taxId.country} but the account is in ${country}; fix one of them in the CRM.`,
    );
  }

  const address = chosenAddress(account, config.addressKind);
  const input: CustomerCreateInput = {
    crmId: account.id,
    name: name ?? '',
    email,
    phone: e164,
    taxId: taxId ? formatTaxId(taxId) : null,
    country: country ?? '',
    address: address
      ? {
          street: clean(address.street),
          postalCode: clean(address.postalCode),
          city: clean(address.city),
          country: address.country?.toUpperCase() ?? country ?? '',
        }
      : null,
    group: (account.segment ? config.groups[account.segment] : undefined) ?? config.defaultGroup,
    paymentTerms: null,
  };

  const terms = mapPaymentTerms(mapping.paymentTerms, account.paymentTerms);
  if (terms.ok) input.paymentTerms = terms.terms;
  else problem('paymentTerms', terms.message);

  problems.push(...overLimits(input, config.limits));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input };
}

function overLimits(input: CustomerCreateInput, limits: CustomerLimits): FieldProblem[] {
  const values: [keyof CustomerLimits, FieldProblem['field'], string | null | undefined][] = [
    ['name', 'name', input.name],
    ['email', 'email', input.email],
    ['phone', 'phone', input.phone],
    ['taxId', 'taxId', input.taxId],
    ['street', 'address', input.address?.street],
    ['postalCode', 'address', input.address?.postalCode],
    ['city', 'address', input.address?.city],
  ];
  return values
    .filter(([limit, , value]) => value && chars(value) > limits[limit])
    .map(([limit, field, value]) => ({
      field,
      message: `The ${limit} has ${chars(value!)} characters; the ERP takes at most ${limits[limit]}. Shorten it in the CRM.`,
    }));
}
