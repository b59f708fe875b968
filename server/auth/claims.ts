import { z } from 'zod';

/**
 * What a context token says. The CRM signs it (HS256, a secret shared with us) for one rep
 * looking at one deal or account:
 *
 *   { sub: "crm-user-17", aud: "erp-lens", scope: "lookup convert",
 *     customer: "C-1001", deal: "D-1003", iat: 1767225600, exp: 1767226200 }
 *
 * `customer` is the ERP customer id the lookups may read; `deal` is the CRM deal id the
 * token may convert (and read the conversion and audit of). A token without `customer` reads
 * no customer's figures; a token without `deal` converts nothing. An `ops` token reads and
 * retries the dead-letter list across deals and needs neither id.
 */

export const audience = 'erp-lens';

/** A token lives at most this long (exp - iat): a leaked one is soon worthless. */
export const maxTokenSeconds = 15 * 60;

/** Clocks of the CRM and of this server may disagree by this much. */
export const clockSkewSeconds = 30;

/** `ops` is for a person who looks after failed conversions: not bound to one deal. */
export const Scope = z.enum(['lookup', 'convert', 'ops']);
export type Scope = z.infer<typeof Scope>;

const Id = z.string().min(1).max(64);

export const ContextClaims = z.object({
  sub: z.string().min(1).max(128),
  aud: z.union([z.literal(audience), z.array(z.string()).refine((a) => a.includes(audience))]),
  /** Space-separated, as in OAuth 2.0 (RFC 6749 section 3.3). */
  scope: z
    .string()
    .max(200)
    .transform((text) => [...new Set(text.split(' ').filter(Boolean))])
    .pipe(z.array(Scope).min(1)),
  customer: Id.optional(),
  deal: Id.optional(),
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
  nbf: z.number().int().nonnegative().optional(),
});

export type ContextClaims = z.infer<typeof ContextClaims>;
