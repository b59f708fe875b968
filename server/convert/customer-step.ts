import type { Deal } from '../../shared/api.ts';
import type { MappingConfig } from '../config.ts';
import type { ErpAdapter, ErpCustomer } from '../erp/port.ts';
import { RequestError } from '../errors.ts';
import type { IdMapStore } from '../mapping/id-map.ts';
import { matchCustomer } from '../mapping/match-customer.ts';

/**
 * Which ERP customer a deal is for. A deal that names its ERP customer uses it; one that
 * only brings its CRM account is matched (mapping/match-customer.ts): one confident match
 * is used and remembered in the id map; several stop the conversion with the candidates
 * (a person chooses, we never guess); none creates the customer from the field maps.
 *
 * Creating is the one write here, and it is safe to repeat: a run that dies right after
 * it finds the new customer again on its tax id or e-mail, and the id map is written
 * before the step is recorded.
 */

export interface CustomerStepDeps {
  erp: ErpAdapter;
  idMap: IdMapStore;
  mapping: Pick<MappingConfig, 'customers' | 'paymentTerms'>;
  now: () => Date;
}

export type Resolved = { customer: ErpCustomer; via: string; created: boolean };

export async function resolveCustomer(
  deps: CustomerStepDeps,
  deal: Deal,
  options: { create: boolean },
): Promise<Resolved | null> {
  if (deal.customerId) {
    const customer = (await deps.erp.getCustomers([deal.customerId])).get(deal.customerId);
    if (customer) return { customer, via: 'deal', created: false };
    if (!deal.account) {
      throw new RequestError(
        'unknown_customer',
        422,
        `The ERP has no customer "${deal.customerId}"; pick the deal's customer again.`,
      );
    }
  }
  const account = deal.account!;
  const match = await matchCustomer(account, {
    idMap: deps.idMap,
    erp: deps.erp,
    mapping: deps.mapping,
  });
  const remember = (customer: ErpCustomer, via: string) =>
    deps.idMap.remember({
      kind: 'customer',
      crmId: account.id,
      erpId: customer.id,
      via,
      updatedAt: deps.now().toISOString(),
    });

  switch (match.kind) {
    case 'matched':
      if (options.create && match.via !== 'id_map') await remember(match.customer, match.via);
      return { customer: match.customer, via: match.via, created: false };
    case 'ambiguous':
      throw new RequestError(
        'customer_ambiguous',
        409,
        `${match.candidates.length} ERP customers could be "${account.name}" (by ${match.via.replace('_', ' ')}): ` +
          `${match.candidates.map((c) => `${c.name} (${c.code})`).join(', ')}. Link the CRM account to one of them.`,
        {
          candidates: match.candidates.map((c) => ({
            id: c.id,
            code: c.code,
            name: c.name,
            email: c.email,
            taxId: c.taxId,
          })),
        },
      );
    case 'none': {
      if (!match.create.ok) {
        throw new RequestError(
          'validation_failed',
          422,
          `"${account.name}" is not in the ERP yet, and the CRM account lacks what creating it needs: ` +
            `${match.create.problems.map((p) => p.message).join(' ')}`,
          { problems: match.create.problems },
        );
      }
      if (!options.create) return null;
      const customer = await deps.erp.createCustomer(match.create.input);
      await remember(customer, 'created');
      return { customer, via: 'created', created: true };
    }
  }
}
