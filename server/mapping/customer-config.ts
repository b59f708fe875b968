import { z } from 'zod';
import { isSupportedCountry } from 'libphonenumber-js/max';

/**
 * The configuration of customers: where each field sits in the CRM's account record, how a
 * CRM segment becomes an ERP customer group, the ERP's length limits, and how carefully a
 * CRM account is matched to an ERP customer. Part of `mapping` in the config file.
 */

/** A dotted path into the CRM's account record, e.g. "billing.vatNumber". */
const FieldPath = z
  .string()
  .regex(
    /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/,
    'a dotted field path such as "billing.vatNumber"',
  );

export const CustomerFields = z
  .object({
    id: FieldPath.default('id'),
    name: FieldPath.default('name'),
    email: FieldPath.default('email'),
    phone: FieldPath.default('phone'),
    taxId: FieldPath.default('taxId'),
    country: FieldPath.default('country'),
    segment: FieldPath.default('segment'),
    paymentTerms: FieldPath.default('paymentTerms'),
    /** A list of addresses, each read with `addressFields`. */
    addresses: FieldPath.default('addresses'),
  })
  .strict()
  .describe("Where each customer field sits in the CRM's account record (dotted paths)");

export const AddressFields = z
  .object({
    kind: FieldPath.default('kind'),
    street: FieldPath.default('street'),
    postalCode: FieldPath.default('postalCode'),
    city: FieldPath.default('city'),
    country: FieldPath.default('country'),
  })
  .strict()
  .describe('Where each address field sits inside one CRM address');

const MaxChars = z.number().int().min(1).max(10_000);

export const CustomerLimits = z
  .object({
    name: MaxChars.default(120),
    email: MaxChars.default(254),
    phone: MaxChars.default(32),
    taxId: MaxChars.default(32),
    street: MaxChars.default(120),
    postalCode: MaxChars.default(20),
    city: MaxChars.default(60),
  })
  .strict()
  .describe("The ERP's longest accepted value per customer field, in characters (not bytes)");

const RegionCode = z
  .string()
  .refine(isSupportedCountry, 'a two-letter country code with a phone plan, e.g. "DE" or "GB"');

export const CustomerMatching = z
  .object({
    /** Region for phone numbers written without a country code ("030 1234567"). */
    defaultPhoneRegion: RegionCode.default('DE'),
    /** 0..1; a name at or above this similarity (after folding) counts as the same company. */
    nameSimilarity: z
      .number()
      .min(0.5, 'at least 0.5; below that unrelated names match')
      .max(1)
      .default(0.85),
    /** Candidates read from the ERP per search. */
    candidateLimit: z.number().int().min(1).max(200).default(25),
  })
  .strict()
  .describe('How a CRM account is matched to an ERP customer before one is created');

export const CustomerMapping = z
  .object({
    fields: CustomerFields.prefault({}),
    addressFields: AddressFields.prefault({}),
    /** Which address kind becomes the ERP customer's address; the first address otherwise. */
    addressKind: z.string().min(1).default('billing'),
    /** CRM segment to ERP customer group. */
    groups: z.record(z.string(), z.string().min(1)).default({}),
    /** Group for a segment the map does not name; null: none. */
    defaultGroup: z.string().min(1).nullable().default(null),
    limits: CustomerLimits.prefault({}),
    matching: CustomerMatching.prefault({}),
  })
  .strict()
  .describe('Customers: CRM field map, segment to group, ERP limits, matching');

export type CustomerMapping = z.infer<typeof CustomerMapping>;
export type CustomerFields = z.infer<typeof CustomerFields>;
export type AddressFields = z.infer<typeof AddressFields>;
export type CustomerLimits = z.infer<typeof CustomerLimits>;
export type CustomerMatching = z.infer<typeof CustomerMatching>;
