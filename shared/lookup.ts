import { z } from 'zod';
import { Customer, ErpId } from './catalog.ts';
import { fact } from './facts.ts';
import { CalendarDate, CurrencyCode, DecimalString, Instant, Money, Quantity } from './money.ts';

/** The deal lookup and the account lookup: what the widget shows beside a deal. */

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
