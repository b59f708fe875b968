import { z } from 'zod';
import { fact } from './facts.ts';
import { CalendarDate, CurrencyCode, DecimalString, Instant, Money, Quantity } from './money.ts';

/** ERP record ids travel as opaque strings (a Tryton id, a sandbox code, a BC GUID). */
export const ErpId = z.string().trim().min(1, 'an id is required').max(64, 'at most 64 characters');

// ---- products ---------------------------------------------------------------------------

export const ProductSearchQuery = z.object({
  q: z.string().trim().max(100, 'at most 100 characters').default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const Product = z.object({
  id: ErpId,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  /** The unit allows fractions (kg, m). */
  fractional: z.boolean(),
  listPrice: Money,
});

export const ProductSearchResponse = z.object({ products: z.array(Product) });

// ---- customers --------------------------------------------------------------------------

export const Customer = z.object({
  id: ErpId,
  code: z.string(),
  name: z.string(),
  currency: CurrencyCode,
  priceList: z.string().nullable(),
});

export const CustomerSearchResponse = z.object({ customers: z.array(Customer) });

// ---- deal lookup ------------------------------------------------------------------------

export const DealLine = z.object({
  /** The CRM's id for the line; echoed back so the widget can match answers to rows. */
  lineId: z.string().max(64).optional(),
  productId: ErpId,
  quantity: Quantity,
  /** The unit price agreed in the CRM, if any; the order carries it, drift is checked against the ERP. */
  unitPrice: DecimalString.optional(),
});

export const DealLookupRequest = z
  .object({
    customerId: ErpId,
    currency: CurrencyCode,
    lines: z.array(DealLine).max(200, 'at most 200 lines per deal'),
    /** Skip the cache for this deal (the rep's "refresh" button). */
    refresh: z.boolean().optional(),
    /**
     * The CRM deal these lines belong to. Once it became an ERP order, the ERP's stock and
     * credit already include it: the answer then says so and does not count the deal twice.
     */
    dealId: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .refine(
    (r) => {
      const ids = r.lines.flatMap((l) => (l.lineId === undefined ? [] : [l.lineId]));
      return new Set(ids).size === ids.length;
    },
    { message: 'every line needs its own lineId', path: ['lines'] },
  );

export const AvailabilityLevel = z.enum(['in_stock', 'low', 'partial', 'out_of_stock']);

export const WarehouseStock = z.object({
  warehouseId: z.string(),
  name: z.string(),
  onHand: DecimalString,
  available: DecimalString,
});

export const LineStock = z.object({
  warehouses: z.array(WarehouseStock),
  totalAvailable: DecimalString,
  level: AvailabilityLevel,
});

export const Tier = z.object({ minQuantity: DecimalString, unitPrice: Money });

export const LinePrice = z.object({
  unitPrice: Money,
  listPrice: Money,
  /** Percent off the list price, e.g. "15.00". */
  discountPercent: DecimalString,
  priceList: z.string().nullable(),
  /** The volume tier that applied, if any. */
  tier: Tier.nullable(),
  /** The next tier up when the quantity is near it ("from 10 units: 85.00"). */
  nextTier: Tier.nullable(),
  /** The unit price agreed in the CRM, when the line has one: the order is made at it. */
  agreedPrice: Money.nullable(),
  /** Quantity times the agreed price if there is one, else the customer's price. */
  lineTotal: Money,
});

export const LineResult = z.object({
  lineId: z.string().optional(),
  productId: ErpId,
  quantity: DecimalString,
  product: z.object({ code: z.string(), name: z.string(), unit: z.string() }).nullable(),
  stock: fact(LineStock),
  price: fact(LinePrice),
});

export const Credit = z.object({
  limit: Money.nullable(),
  openBalance: Money,
  /** limit minus open balance; null when there is no limit. */
  available: Money.nullable(),
  blocked: z.boolean(),
  blockReason: z.string().nullable(),
  /** What this deal's total would leave; negative means over the limit. */
  afterDeal: Money.nullable(),
  exceedsLimit: z.boolean(),
  paymentTerms: z.string().nullable(),
});

export const DealLookupResponse = z.object({
  /** Null only when the ERP could not be read in time; the credit fact then says why. */
  customer: Customer.nullable(),
  currency: CurrencyCode,
  lines: z.array(LineResult),
  /** Sum of the line totals that could be priced; `complete` is false when some could not. */
  total: z.object({ amount: Money, complete: z.boolean() }),
  credit: fact(Credit),
  /**
   * The ERP order this deal already became (request `dealId`): its stock is reserved and its
   * amount is in the open balance, so availability and credit are not reduced by it again.
   */
  order: z.object({ number: z.string() }).nullable(),
  answeredAt: Instant,
});

// ---- account lookup ---------------------------------------------------------------------

export const PaymentStatus = z.enum([
  'open',
  'partially_paid',
  'paid',
  'overdue',
  'in_payment',
  'reversed',
]);

export const Invoice = z.object({
  number: z.string(),
  invoiceDate: CalendarDate,
  dueDate: CalendarDate.nullable(),
  total: Money,
  open: Money,
  status: PaymentStatus,
  daysOverdue: z.number().int(),
  dunningLevel: z.number().int(),
});

export const AccountPayments = z.object({
  /** The worst status over the open invoices; `paid` when nothing is open. */
  status: PaymentStatus,
  openAmount: Money,
  overdueAmount: Money,
  dunningLevel: z.number().int(),
  dunningLabel: z.string().nullable(),
  invoices: z.array(Invoice),
});

export const AccountLookupResponse = z.object({
  customer: Customer.nullable(),
  payments: fact(AccountPayments),
  credit: fact(Credit),
  answeredAt: Instant,
});

// ---- deals (the CRM side) and conversion ------------------------------------------------

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

// ---- health -----------------------------------------------------------------------------

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  erp: z.object({ name: z.string(), reachable: z.boolean(), latencyMs: z.number().nullable() }),
  store: z.object({ reachable: z.boolean() }),
});

export type ProductSearchQuery = z.infer<typeof ProductSearchQuery>;
export type Product = z.infer<typeof Product>;
export type Customer = z.infer<typeof Customer>;
export type DealLine = z.infer<typeof DealLine>;
export type DealLookupRequest = z.infer<typeof DealLookupRequest>;
export type AvailabilityLevel = z.infer<typeof AvailabilityLevel>;
export type WarehouseStock = z.infer<typeof WarehouseStock>;
export type LineStock = z.infer<typeof LineStock>;
export type Tier = z.infer<typeof Tier>;
export type LinePrice = z.infer<typeof LinePrice>;
export type LineResult = z.infer<typeof LineResult>;
export type Credit = z.infer<typeof Credit>;
export type DealLookupResponse = z.infer<typeof DealLookupResponse>;
export type PaymentStatus = z.infer<typeof PaymentStatus>;
export type Invoice = z.infer<typeof Invoice>;
export type AccountPayments = z.infer<typeof AccountPayments>;
export type AccountLookupResponse = z.infer<typeof AccountLookupResponse>;
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
export type HealthResponse = z.infer<typeof HealthResponse>;
export type ProductSearchResponse = z.infer<typeof ProductSearchResponse>;
export type CustomerSearchResponse = z.infer<typeof CustomerSearchResponse>;
