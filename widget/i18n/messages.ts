import type { AvailabilityLevel, ConversionState, PaymentStatus } from '../../shared/api.ts';
import type { ApiErrorCode } from '../api-error.ts';

/**
 * Every word the widget shows. Figures arrive already formatted for the locale; the
 * functions only place them in a sentence, since word order differs between languages.
 */
export interface Messages {
  /** A unit code from the ERP in the rep's language ("pc" is "Stk." in German). */
  unit: (unit: string) => string;
  lens: {
    deal: string;
    account: string;
    refresh: string;
    chooseCustomer: string;
    noCustomer: string;
  };
  status: { loading: string; updating: string; lastAnswer: string; tryAgain: string };
  fact: {
    asOf: (time: string) => string;
    staleTitle: string;
    notAvailable: (what: string) => string;
  };
  availability: {
    title: string;
    noLines: string;
    stock: string;
    levels: Record<AvailabilityLevel, string>;
    wanted: (quantity: string, unit: string) => string;
    totalAvailable: (quantity: string, unit: string) => string;
    available: (quantity: string, unit: string) => string;
    onHand: (quantity: string) => string;
  };
  pricing: {
    title: string;
    product: string;
    quantity: string;
    unitPrice: string;
    lineTotal: string;
    dealTotal: string;
    list: string;
    priceNotAvailable: string;
    incomplete: string;
    tierFrom: (quantity: string, unit: string) => string;
    nextTier: (quantity: string, unit: string, price: string) => string;
    /** The price agreed in the CRM, beside the customer's ERP price; the order is made at it. */
    agreed: (price: string) => string;
  };
  credit: {
    title: string;
    status: string;
    blocked: string;
    blockedReason: string;
    exceeds: string;
    /** For an account on its own, or a deal whose order is in the open balance already. */
    accountOver: string;
    exceedsBy: (amount: string) => string;
    talkToFinance: string;
    limit: string;
    noLimit: string;
    openBalance: string;
    available: string;
    afterDeal: string;
    paymentTerms: string;
  };
  payments: {
    title: string;
    status: string;
    statuses: Record<PaymentStatus, string>;
    open: string;
    overdue: string;
    noInvoices: string;
    invoices: string;
    invoice: string;
    date: string;
    due: string;
    total: string;
    daysOverdue: (days: number) => string;
    dunning: (level: number) => string;
    dunningLevel: (level: number) => string;
    /** The ERP's label for a dunning level; the default English ones are translated. */
    dunningLabel: (level: number, label: string) => string;
  };
  convert: {
    title: string;
    button: string;
    converting: string;
    /** Placed around the order number, which is shown in bold. */
    created: { before: string; after: string };
    onceWon: string;
    sending: string;
    steps: Record<ConversionState, string>;
    /** Read after each step by screen readers; the list also marks them with symbols. */
    stepMarks: { done: string; current: string; stopped: string; next: string };
    progress: string;
    retryingAt: (time: string) => string;
    retrying: string;
    pendingOrder: (orderNumber: string) => string;
    tryAgain: string;
  };
  preflight: {
    title: string;
    checking: string;
    /** The check answered with an error; converting waits until one passes. */
    checkFailed: string;
    checkAgain: string;
    checkFirst: string;
    clear: string;
    blocking: string;
    warnings: string;
    /** Short names for the check's issue codes; the server's sentence follows. */
    issues: Partial<Record<string, string>>;
    priceDrift: (deal: string, erp: string, percent: string) => string;
    shortStock: (wanted: string, available: string, short: string) => string;
    creditAfter: (after: string, limit: string) => string;
    overLimit: string;
    blocked: string;
    dunning: (level: number) => string;
    reason: string;
    reasonHint: string;
    needsReason: string;
    fixFirst: string;
  };
  order: {
    included: (orderNumber: string) => string;
    changed: (orderNumber: string) => string;
  };
  frame: { waiting: string; notAllowed: (origin: string) => string };
  errors: Partial<Record<ApiErrorCode, string>>;
}

/** config.ts's default dunningLabels; a customised label is shown as the ERP team wrote it. */
export const defaultDunningLabels: Readonly<Record<number, string>> = {
  1: 'First reminder',
  2: 'Second reminder',
  3: 'Final notice',
};

export const en: Messages = {
  unit: (unit) => unit,
  lens: {
    deal: 'ERP Lens',
    account: 'Account',
    refresh: 'Refresh',
    chooseCustomer: 'Choose a customer to see ERP figures.',
    noCustomer: 'No customer chosen.',
  },
  status: {
    loading: 'Looking up…',
    updating: 'Updating…',
    lastAnswer: 'The figures below are from the last answer.',
    tryAgain: 'Try again',
  },
  fact: {
    asOf: (time) => `as of ${time}`,
    staleTitle: 'The ERP did not answer in time; this is the last known figure.',
    notAvailable: (what) => `${what} not available.`,
  },
  availability: {
    title: 'Availability',
    noLines: 'No lines on this deal yet.',
    stock: 'Stock',
    levels: { in_stock: 'In stock', low: 'Low', partial: 'Partial', out_of_stock: 'Out of stock' },
    wanted: (quantity, unit) => `${quantity} ${unit} wanted`,
    totalAvailable: (quantity, unit) => `${quantity} ${unit} available in total`,
    available: (quantity, unit) => `${quantity} ${unit} available`,
    onHand: (quantity) => `(${quantity} on hand)`,
  },
  pricing: {
    title: 'Prices',
    product: 'Product',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    lineTotal: 'Line total',
    dealTotal: 'Deal total',
    list: 'list',
    priceNotAvailable: 'Price not available.',
    incomplete: 'Some lines could not be priced; the total leaves them out.',
    tierFrom: (quantity, unit) => `Tier from ${quantity} ${unit}`,
    nextTier: (quantity, unit, price) => `from ${quantity} ${unit}: ${price}`,
    agreed: (price) => `agreed ${price}`,
  },
  credit: {
    title: 'Credit',
    status: 'Credit status',
    blocked: 'Credit blocked.',
    blockedReason: 'The ERP blocks new orders for this customer.',
    exceeds: 'This deal exceeds the credit limit',
    accountOver: 'The account is over its credit limit',
    exceedsBy: (amount) => ` by ${amount}.`,
    talkToFinance: 'Talk to finance before promising delivery.',
    limit: 'Limit',
    noLimit: 'No limit',
    openBalance: 'Open balance',
    available: 'Available',
    afterDeal: 'After this deal',
    paymentTerms: 'Payment terms',
  },
  payments: {
    title: 'Payments',
    status: 'Payment status',
    statuses: {
      open: 'Open',
      partially_paid: 'Partially paid',
      paid: 'Paid',
      overdue: 'Overdue',
      in_payment: 'In payment',
      reversed: 'Reversed',
    },
    open: 'Open',
    overdue: 'Overdue',
    noInvoices: 'No open invoices.',
    invoices: 'Invoices',
    invoice: 'Invoice',
    date: 'Date',
    due: 'Due',
    total: 'Total',
    daysOverdue: (days) => `${days} days overdue`,
    dunning: (level) => `Dunning ${level}`,
    dunningLevel: (level) => `Dunning level ${level}`,
    dunningLabel: (_level, label) => label,
  },
  convert: {
    title: 'ERP order',
    button: 'Convert to ERP order',
    converting: 'Converting…',
    created: { before: 'ERP order ', after: ' created.' },
    onceWon: 'Available once the deal is won.',
    sending: 'Sending the deal to the ERP…',
    steps: {
      received: 'Received',
      validated: 'Checked the deal',
      customer_resolved: 'Found the ERP customer',
      order_created: 'Created the order',
      order_confirmed: 'Confirmed the order',
      written_back: 'Wrote the order number back to the CRM',
      done: 'Done',
      failed: 'Failed',
    },
    stepMarks: { done: 'done', current: 'in progress', stopped: 'stopped here', next: 'to do' },
    progress: 'Conversion progress',
    retryingAt: (time) => `The ERP is busy; retrying automatically at ${time}.`,
    retrying: 'The ERP is busy; retrying automatically.',
    pendingOrder: (orderNumber) =>
      `ERP order ${orderNumber} exists but is not confirmed; trying again continues with it.`,
    tryAgain: 'Try again',
  },
  preflight: {
    title: 'Before converting',
    checking: 'Checking the deal against the ERP…',
    checkFailed: 'The deal could not be checked:',
    checkAgain: 'Check again',
    checkFirst: 'The deal can be converted once the check has passed.',
    clear: 'Prices, stock and credit are in order.',
    blocking: 'This deal cannot become an order yet:',
    warnings: 'Check these before converting:',
    issues: {
      price_drift: 'Price changed',
      short_stock: 'Short stock',
      credit_blocked: 'Over the credit limit',
      customer_blocked: 'Customer blocked',
      unknown_customer: 'Unknown customer',
      unknown_product: 'Unknown product',
      unknown_currency: 'Currency not accepted',
      validation_failed: 'Check the deal',
    },
    priceDrift: (deal, erp, percent) =>
      `deal price ${deal}, ERP price now ${erp} (${percent} apart)`,
    shortStock: (wanted, available, short) =>
      `${wanted} wanted, ${available} available in all warehouses (${short} short)`,
    creditAfter: (after, limit) => `Credit left after this order: ${after} of a ${limit} limit`,
    overLimit: 'over the limit',
    blocked: 'The customer is blocked in the ERP.',
    dunning: (level) => `Open invoices at dunning level ${level}.`,
    reason: 'Reason for converting despite the warnings',
    reasonHint: 'At least 3 characters; it goes into the audit trail.',
    needsReason: 'Give a reason to convert despite the warnings.',
    fixFirst: 'Resolve the issues above first.',
  },
  order: {
    included: (orderNumber) => `Ordered as ${orderNumber}; stock and credit include it.`,
    changed: (orderNumber) =>
      `The deal changed after it became ERP order ${orderNumber}; the order does not change ` +
      'with it. Change the order in the ERP too.',
  },
  frame: {
    waiting: 'Waiting for the CRM to name a deal.',
    notAllowed: (origin) => `ERP Lens may not be embedded by ${origin}.`,
  },
  errors: {
    deal_not_won: 'Only a won deal can become an ERP order. Mark the deal as won, then convert it.',
    credit_blocked:
      'The ERP will not take this order on credit: the customer is blocked or would go over ' +
      'the credit limit. Ask finance to release it or raise the limit.',
    customer_blocked: 'The customer is blocked in the ERP. Ask finance or the account owner.',
    customer_ambiguous:
      'Several ERP customers match this account. Ask the ERP team to link the right one.',
    unknown_customer: 'The ERP does not know this customer.',
    unknown_product: 'A product on this deal is not in the ERP. Check the line items.',
    insufficient_stock: 'There is not enough stock for this order.',
    erp_unavailable: 'The ERP is not answering right now. Try again in a minute.',
    crm_unavailable: 'The CRM is not answering right now. Try again in a minute.',
    conversion_in_progress: 'This deal is already being converted. Wait a moment.',
    network_error: 'ERP Lens cannot reach its server. Check your connection and try again.',
    override_required: 'The deal has warnings. Give a reason to convert it anyway.',
    forbidden: 'Your CRM session may not do this for this deal. Ask your admin.',
    unauthorized: 'The CRM did not sign you in to ERP Lens. Reload the page.',
    token_expired: 'Your CRM session for ERP Lens has expired. Reload the page.',
    rate_limited: 'Too many requests in a short time. Wait a minute, then try again.',
  },
};
