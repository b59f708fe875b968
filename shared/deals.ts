import { z } from 'zod';
import { ErpId } from './catalog.ts';
import { DealLine } from './lookup.ts';
import { CurrencyCode, DecimalString, Instant, Money } from './money.ts';

/** Deals on the CRM side, and their conversion into ERP orders. */

export const DealStage = z.enum(['open', 'won', 'lost']);

const Text = (max: number) => z.string().trim().max(max).nullable().default(null);

/**
 * The CRM's company record behind a deal, for deals whose ERP customer is not known yet:
 * the conversion matches it to an ERP customer (id map, tax id, e-mail, phone, name) or
 * creates one.
 */
export const CrmAccount = z
  .object({
    id: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(500),
    email: Text(254),
    phone: Text(40),
    taxId: Text(40),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, e.g. "DE"')
      .nullable()
      .default(null),
    addresses: z
      .array(
        z.object({
          kind: Text(40),
          street: Text(200),
          postalCode: Text(20),
          city: Text(100),
          country: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .nullable()
            .default(null),
        }),
      )
      .max(10)
      .default([]),
    segment: Text(100),
    paymentTerms: Text(100),
  })
  .strict();

export const Deal = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(200),
  /** The ERP customer; empty when only the CRM account is known (then `account` is required). */
  customerId: z.union([ErpId, z.literal('')]),
  account: CrmAccount.optional(),
  currency: CurrencyCode,
  stage: DealStage,
  lines: z.array(DealLine.extend({ lineId: z.string().max(64) })).max(200),
  erpOrderNumber: z.string().nullable(),
  updatedAt: Instant.optional(),
});

export const DealInput = Deal.omit({ id: true, erpOrderNumber: true, updatedAt: true })
  .strict()
  .refine((d) => d.customerId !== '' || d.account !== undefined, {
    message: 'name the ERP customer (customerId) or the CRM account (account)',
    path: ['customerId'],
  })
  .refine((d) => new Set(d.lines.map((l) => l.lineId)).size === d.lines.length, {
    message: 'every line needs its own lineId',
    path: ['lines'],
  });

export const ConversionState = z.enum([
  'received',
  'validated',
  'customer_resolved',
  'order_created',
  'order_confirmed',
  'written_back',
  'done',
  'failed',
]);

export const ConversionStatus = z.enum([
  'running',
  'retrying',
  'done',
  'failed',
  'dead',
  'dismissed',
]);

export const Conversion = z.object({
  dealId: z.string(),
  /** The last step completed, or `failed`. */
  state: ConversionState,
  /** The last step completed, also when the conversion stopped (where a retry resumes). */
  step: ConversionState.exclude(['failed']),
  /**
   * running; retrying (a transient failure, retried at nextAttemptAt); done; failed (a
   * refusal, waiting for a person); dead (retries exhausted); dismissed (a person gave up).
   */
  status: ConversionStatus,
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string(), retryable: z.boolean() }).nullable(),
  attempts: z.number().int(),
  nextAttemptAt: Instant.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});

/** The body of a convert or retry request: warnings need an explicit override with a reason. */
export const ConvertRequest = z
  .object({
    override: z
      .object({ reason: z.string().trim().min(3, 'say why, in a few words').max(500) })
      .strict()
      .optional(),
    /** Try now, even while an automatic retry is scheduled or the attempts ran out. */
    retry: z.boolean().optional(),
  })
  .strict();

export const PreflightIssue = z.object({
  code: z.string(),
  message: z.string(),
  lineId: z.string().optional(),
});

export const Preflight = z.object({
  dealId: z.string(),
  /** No blocking issue: the deal may be converted (warnings need an override). */
  ok: z.boolean(),
  blocking: z.array(PreflightIssue),
  warnings: z.array(PreflightIssue),
  lines: z.array(
    z.object({
      lineId: z.string(),
      productId: z.string(),
      quantity: DecimalString,
      dealPrice: Money.nullable(),
      erpPrice: Money.nullable(),
      driftPercent: DecimalString.nullable(),
      available: DecimalString.nullable(),
      shortfall: DecimalString.nullable(),
    }),
  ),
  credit: z
    .object({
      limit: Money.nullable(),
      openBalance: Money,
      orderTotal: Money,
      afterOrder: Money.nullable(),
      exceeds: z.boolean(),
    })
    .nullable(),
  blocked: z.boolean(),
  dunningLevel: z.number().int(),
});

export const ConvertResponse = z.object({ conversion: Conversion });

export type DealStage = z.infer<typeof DealStage>;
export type Deal = z.infer<typeof Deal>;
export type DealInput = z.infer<typeof DealInput>;
export type CrmAccount = z.infer<typeof CrmAccount>;
export type ConversionState = z.infer<typeof ConversionState>;
export type Conversion = z.infer<typeof Conversion>;
export type ConversionStatus = z.infer<typeof ConversionStatus>;
export type ConvertRequest = z.infer<typeof ConvertRequest>;
export type Preflight = z.infer<typeof Preflight>;
export type PreflightIssue = z.infer<typeof PreflightIssue>;
export type ConvertResponse = z.infer<typeof ConvertResponse>;
