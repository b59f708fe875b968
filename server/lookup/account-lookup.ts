import type { AccountLookupResponse } from '../../shared/api.ts';
import type { MappingConfig } from '../config.ts';
import { RequestError } from '../errors.ts';
import { accountPayments } from '../mapping/payment-status.ts';
import { creditView } from './credit.ts';
import { Deadline } from './deadline.ts';
import { toCustomer, type LookupDeps } from './deal-lookup.ts';

/** The account lookup: payment status, open and overdue amounts, dunning, invoices, credit. */
export async function lookupAccount(
  deps: LookupDeps & { mapping: MappingConfig },
  customerId: string,
): Promise<AccountLookupResponse> {
  const deadline = new Deadline(deps.config.deadlineMs);
  const customers = await deadline.must(deps.erp.getCustomers([customerId]));
  const customer = customers.get(customerId);
  if (!customer) throw new RequestError('unknown_customer', 404, `The ERP has no customer "${customerId}".`);

  const [invoices, credit] = await Promise.all([
    deadline.race(deps.erp.getInvoices([customerId])),
    deadline.race(deps.erp.getCredit([customerId])),
  ]);
  const now = deps.now();
  const asOf = now.toISOString();
  const today = asOf.slice(0, 10);
  const customerCredit = credit.ok ? credit.value.get(customerId) : undefined;

  return {
    customer: toCustomer(customer),
    payments: invoices.ok
      ? {
          status: 'ok',
          asOf,
          stale: false,
          value: accountPayments(invoices.value.get(customerId) ?? [], customer.currency, deps.mapping, today),
        }
      : { status: 'unavailable', reason: invoices.reason, message: invoices.message },
    credit: customerCredit
      ? { status: 'ok', asOf, stale: false, value: creditView(customerCredit, null) }
      : credit.ok
        ? { status: 'unavailable', reason: 'not_applicable', message: 'The ERP keeps no credit data for this customer.' }
        : { status: 'unavailable', reason: credit.reason, message: credit.message },
    answeredAt: asOf,
  };
}
