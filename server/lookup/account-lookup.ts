import type { AccountLookupResponse } from '../../shared/api.ts';
import type { MappingConfig } from '../config.ts';
import { RequestError } from '../errors.ts';
import { accountPayments } from '../mapping/payment-status.ts';
import { creditView } from './credit.ts';
import { answerDeadline, toCustomer, toFact, type LookupDeps } from './deal-lookup.ts';

/** The account lookup: payment status, open and overdue amounts, dunning, invoices, credit. */
export async function lookupAccount(
  deps: LookupDeps & { mapping: MappingConfig },
  customerId: string,
  options: { refresh?: boolean } = {},
): Promise<AccountLookupResponse> {
  const started = performance.now();
  const deadline = answerDeadline(deps.config);
  const [credits, invoices] = await Promise.all([
    deps.sources.credit.read([customerId], deadline, options),
    deps.sources.invoices.read([customerId], deadline, options),
  ]);

  const credit = credits.get(customerId);
  if (credit?.ok && credit.value === null) {
    throw new RequestError('unknown_customer', 404, `The ERP has no customer "${customerId}".`);
  }
  const customer = credit?.ok && credit.value ? credit.value.customer : null;
  const today = deps.now().toISOString().slice(0, 10);

  const answer: AccountLookupResponse = {
    customer: customer ? toCustomer(customer) : null,
    payments: customer
      ? toFact(
          invoices.get(customerId),
          (list) => accountPayments(list, customer.currency, deps.mapping, today),
          'No invoices came back.',
        )
      : {
          status: 'unavailable',
          reason: 'erp_unavailable',
          message: 'The customer could not be read from the ERP in time.',
        },
    credit: toFact(
      credit,
      (c) => (c ? creditView(c, null) : null),
      'The ERP keeps no credit data for this customer.',
    ),
    answeredAt: deps.now().toISOString(),
  };
  deps.metrics?.lookupSeconds.observe({ lookup: 'account' }, (performance.now() - started) / 1000);
  return answer;
}
