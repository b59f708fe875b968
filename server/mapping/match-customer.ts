import type { MappingConfig } from '../config.ts';
import type { CallOptions, CustomerQuery, ErpCustomer } from '../erp/port.ts';
import { nameSearchTerms, nameSimilarity } from './company-name.ts';
import { accountCountry, type CrmAccount } from './crm-account.ts';
import { buildCustomerCreate, type CustomerCreateResult } from './customer-create.ts';
import type { IdMapStore } from './id-map.ts';
import { toE164 } from './phone.ts';
import { parseTaxId, sameTaxId, taxIdSearchTerms, type TaxId } from './tax-id.ts';

/**
 * Which ERP customer a CRM account is, asked in order of certainty: the stored id map, the
 * tax id, the e-mail, the phone, then the name. The first step that finds anyone decides:
 * one customer is a match; several are ambiguous and a person must choose, because
 * ordering to the wrong customer costs more than stopping. Nobody at all: the input to
 * create one, or the problems that stand in the way.
 */

export type MatchVia = 'id_map' | 'tax_id' | 'email' | 'phone' | 'name';

/** An ERP customer, with the phone the port does not carry yet. */
export type CandidateCustomer = ErpCustomer & { phone?: string | null };

/** The part of the ErpAdapter the matcher reads; an ErpAdapter is one. */
export interface CustomerDirectory {
  searchCustomers(
    query: CustomerQuery & { phone?: string },
    limit: number,
    opts?: CallOptions,
  ): Promise<CandidateCustomer[]>;
  getCustomers(ids: string[], opts?: CallOptions): Promise<Map<string, CandidateCustomer>>;
}

export interface MatchDeps {
  idMap: Pick<IdMapStore, 'get'>;
  erp: CustomerDirectory;
  mapping: Pick<MappingConfig, 'customers' | 'paymentTerms'>;
  signal?: AbortSignal;
}

export type CustomerMatch =
  | { kind: 'matched'; customer: CandidateCustomer; via: MatchVia }
  | { kind: 'ambiguous'; via: Exclude<MatchVia, 'id_map'>; candidates: CandidateCustomer[] }
  | { kind: 'none'; create: CustomerCreateResult };

type Step = { via: Exclude<MatchVia, 'id_map'>; find: () => Promise<CandidateCustomer[]> };

export async function matchCustomer(account: CrmAccount, deps: MatchDeps): Promise<CustomerMatch> {
  const { erp, mapping } = deps;
  const { matching, addressKind } = mapping.customers;
  const opts: CallOptions = { signal: deps.signal };
  const country = accountCountry(account, addressKind);
  const region = country ?? matching.defaultPhoneRegion;

  const remembered = account.id ? await deps.idMap.get('customer', account.id) : null;
  if (remembered) {
    const customer = (await erp.getCustomers([remembered], opts)).get(remembered);
    // A mapped customer the ERP no longer has (merged, deleted) is matched afresh.
    if (customer) return { kind: 'matched', customer, via: 'id_map' };
  }

  const taxId = parseTaxId(account.taxId, country);
  const search = async (queries: (CustomerQuery & { phone?: string })[]) => {
    const found = new Map<string, CandidateCustomer>();
    for (const query of queries) {
      for (const c of await erp.searchCustomers(query, matching.candidateLimit, opts))
        found.set(c.id, c);
    }
    return [...found.values()];
  };
  // Another company's tax id rules a candidate out, whatever else it shares.
  const compatible = (c: CandidateCustomer) => {
    const theirs = parseTaxId(c.taxId, null);
    return !taxId || !theirs || sameTaxId(taxId, theirs);
  };

  const byTaxId = async (id: TaxId) =>
    (await search(taxIdSearchTerms(id).map((term) => ({ taxId: term })))).filter((c) => {
      const theirs = parseTaxId(c.taxId, null);
      return theirs !== null && sameTaxId(id, theirs);
    });

  const steps: Step[] = [];
  if (taxId) steps.push({ via: 'tax_id', find: () => byTaxId(taxId) });

  const email = account.email?.trim().toLowerCase();
  if (email) {
    steps.push({
      via: 'email',
      find: async () =>
        (await search([{ email }])).filter(
          (c) => c.email?.trim().toLowerCase() === email && compatible(c),
        ),
    });
  }

  const phone = toE164(account.phone, region);
  if (phone) {
    steps.push({
      via: 'phone',
      find: async () =>
        (await search([{ phone }])).filter(
          (c) => toE164(c.phone, region) === phone && compatible(c),
        ),
    });
  }

  const terms = account.name ? nameSearchTerms(account.name) : [];
  if (terms.length > 0) {
    steps.push({
      via: 'name',
      find: async () =>
        (await search(terms.map((name) => ({ name }))))
          .map((c) => ({ c, score: nameSimilarity(account.name, c.name) }))
          .filter(({ c, score }) => score >= matching.nameSimilarity && compatible(c))
          .sort((a, b) => b.score - a.score)
          .map(({ c }) => c),
    });
  }

  for (const step of steps) {
    const found = await step.find();
    if (found.length === 1) return { kind: 'matched', customer: found[0]!, via: step.via };
    if (found.length > 1) return { kind: 'ambiguous', via: step.via, candidates: found };
  }
  return { kind: 'none', create: buildCustomerCreate(account, mapping) };
}
