import type { Credit } from '../../shared/api.ts';
import type { ErpCredit } from '../erp/port.ts';
import { dec, roundMoney } from '../money.ts';

/**
 * The customer's credit as the rep sees it: what is left of the limit, and what would be
 * left after this deal. The deal is compared only when it is in the credit's currency;
 * converting it would need rates the ERP did not give us.
 */
export function creditView(
  credit: ErpCredit,
  dealTotal: { amount: string; currency: string } | null,
): Credit {
  const c = credit.currency;
  const money = (v: string) => ({ amount: roundMoney(v, c), currency: c });
  const available = credit.limit === null ? null : dec(credit.limit).minus(credit.openBalance);
  const comparable = dealTotal !== null && dealTotal.currency === c && available !== null;
  const afterDeal = comparable ? available.minus(dealTotal.amount) : null;

  return {
    limit: credit.limit === null ? null : money(credit.limit),
    openBalance: money(credit.openBalance),
    available: available === null ? null : money(available.toFixed()),
    blocked: credit.blocked,
    blockReason: credit.blockReason,
    afterDeal: afterDeal === null ? null : money(afterDeal.toFixed()),
    exceedsLimit:
      (available !== null && available.lt(0)) || (afterDeal !== null && afterDeal.lt(0)),
    paymentTerms: credit.paymentTerms,
  };
}
