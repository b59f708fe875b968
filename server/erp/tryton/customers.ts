/**
 * Customers (Tryton parties): read, search by tax identifier / email / name, create, credit.
 *
 * Ids are Tryton party ids as decimal strings. The party code (e.g. "2") is shown as `code`
 * but is not accepted as an id: one key, one meaning.
 */
import type {
  CallOptions,
  CustomerQuery,
  ErpCredit,
  ErpCustomer,
  ErpNewCustomer,
} from '../port.ts';
import {
  likeEscape,
  rejected,
  related,
  searchRead,
  str,
  trytonIds,
  type Row,
  type Tryton,
} from './session.ts';

const CUSTOMER_FIELDS = [
  'code',
  'name',
  'email',
  'phone',
  'sale_price_list.name',
  'tax_identifier.code',
];

export async function getCustomers(
  t: Tryton,
  ids: string[],
  opts?: CallOptions,
): Promise<Map<string, ErpCustomer>> {
  const wanted = trytonIds(ids);
  if (wanted.length === 0) return new Map();
  const customers = await readCustomers(t, [['id', 'in', wanted]], undefined, opts);
  return new Map(customers.map((c) => [c.id, c]));
}

/** Every given key must match (AND); tax ids are compared compact and upper-case. */
export async function searchCustomers(
  t: Tryton,
  query: CustomerQuery,
  limit: number,
  opts?: CallOptions,
): Promise<ErpCustomer[]> {
  const domain: unknown[] = [];
  if (query.taxId?.trim()) {
    domain.push(['identifiers.code', '=', compactTaxId(query.taxId)]);
  }
  if (query.email?.trim()) {
    domain.push([
      'contact_mechanisms',
      'where',
      [
        ['type', '=', 'email'],
        ['value', 'ilike', likeEscape(query.email.trim())],
      ],
    ]);
  }
  if (query.phone?.trim()) {
    domain.push([
      'contact_mechanisms',
      'where',
      [
        ['type', 'in', ['phone', 'mobile']],
        ['value', '=', query.phone.trim()],
      ],
    ]);
  }
  if (query.name?.trim()) {
    domain.push(['name', 'ilike', `%${likeEscape(query.name.trim())}%`]);
  }
  if (domain.length === 0) return [];
  return readCustomers(t, domain, limit, opts);
}

/**
 * Creates a party with its address, e-mail and phone, and the tax id as an identifier.
 * The country is not set on the address: Tryton's country module ships without country
 * records until they are imported (trytond_import_countries), so a code could not be
 * resolved on a fresh database.
 */
export async function createCustomer(
  t: Tryton,
  input: ErpNewCustomer,
  opts?: CallOptions,
): Promise<ErpCustomer> {
  const mechanisms: Array<{ type: string; value: string }> = [];
  if (input.email) mechanisms.push({ type: 'email', value: input.email });
  if (input.phone) mechanisms.push({ type: 'phone', value: input.phone });
  const values: Record<string, unknown> = {
    name: input.name,
    addresses: [
      [
        'create',
        [
          {
            street: input.address?.street ?? null,
            postal_code: input.address?.postalCode ?? null,
            city: input.address?.city ?? null,
          },
        ],
      ],
    ],
  };
  if (mechanisms.length > 0) values.contact_mechanisms = [['create', mechanisms]];
  if (input.taxId) {
    values.identifiers = [['create', [{ type: null, code: compactTaxId(input.taxId) }]]];
  }

  const [id] = await t.rpc.model<number[]>('party.party', 'create', [[values]], {
    signal: opts?.signal,
  });
  const [customer] = await readCustomers(t, [['id', '=', id]], 1, opts);
  if (!customer) throw rejected('erp_rejected', `Tryton did not return the new party ${id}`);
  return customer;
}

export async function getCredit(
  t: Tryton,
  customerIds: string[],
  opts?: CallOptions,
): Promise<Map<string, ErpCredit>> {
  const wanted = trytonIds(customerIds);
  if (wanted.length === 0) return new Map();

  // account_credit_limit refuses a sale while a dunning on a level with `credit_limit` exists
  // and is not blocked (party.check_credit_limit); the same filter here.
  const [parties, dunnings, currency] = await Promise.all([
    searchRead(
      t,
      'party.party',
      [['id', 'in', wanted]],
      [...CUSTOMER_FIELDS, 'credit_limit_amount', 'credit_amount', 'customer_payment_term.name'],
      opts,
    ),
    searchRead(
      t,
      'account.dunning',
      [
        ['party', 'in', wanted],
        ['level.credit_limit', '=', true],
        ['blocked', '!=', true],
      ],
      ['party', 'level.rec_name', 'amount', 'maturity_date'],
      opts,
    ),
    t.companyCurrency(opts),
  ]);

  return new Map(
    parties.map((party) => {
      const dunning = dunnings.find((d) => d.party === party.id);
      const credit: ErpCredit = {
        customerId: String(party.id),
        customer: toCustomer(party, currency),
        currency,
        limit: party.credit_limit_amount == null ? null : str(party.credit_limit_amount),
        openBalance: str(party.credit_amount ?? '0'),
        blocked: Boolean(dunning),
        blockReason: dunning
          ? `Dunning at a credit-limit level (${str(related(dunning, 'level.rec_name'))}) ` +
            `for ${str(dunning.amount)} ${currency} due ${str(dunning.maturity_date)}`
          : null,
        paymentTerms: str(related(party, 'customer_payment_term.name')) || null,
      };
      return [credit.customerId, credit];
    }),
  );
}

async function readCustomers(
  t: Tryton,
  domain: unknown[],
  limit: number | undefined,
  opts?: CallOptions,
): Promise<ErpCustomer[]> {
  const [rows, currency] = await Promise.all([
    searchRead(t, 'party.party', domain, CUSTOMER_FIELDS, {
      ...opts,
      limit,
      order: [
        ['name', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
    t.companyCurrency(opts),
  ]);
  return rows.map((row) => toCustomer(row, currency));
}

function toCustomer(row: Row, currency: string): ErpCustomer {
  return {
    id: String(row.id),
    code: str(row.code),
    name: str(row.name),
    currency,
    priceList: str(related(row, 'sale_price_list.name')) || null,
    email: str(row.email) || null,
    phone: str(row.phone) || null,
    taxId: str(related(row, 'tax_identifier.code')) || null,
  };
}

/** Tryton stores identifiers compact (python-stdnum): "DE 136 695 976" → "DE136695976". */
export function compactTaxId(taxId: string): string {
  return taxId.replace(/[\s.\-/]/g, '').toUpperCase();
}
