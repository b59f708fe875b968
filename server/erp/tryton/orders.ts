/**
 * Sales orders: find by reference, create (and quote), confirm.
 *
 * `sale.sale.create` defaults neither a line's unit price nor its taxes (tryton.md §4), so each
 * line is first passed through `sale.line.on_change(["product"])`, the call the desktop client
 * makes, which prices it with the customer's price list and picks the product's taxes. A price
 * agreed in the CRM replaces the computed unit price; the taxes stay Tryton's.
 */
import { ErpRejected } from '../errors.ts';
import type { CallOptions, ErpOrder, ErpOrderInput } from '../port.ts';
import { decimal } from './codec.ts';
import { listWarehouses } from './products.ts';
import {
  rejected,
  related,
  rpcOpts,
  searchRead,
  str,
  trytonId,
  type Row,
  type Tryton,
} from './session.ts';

const ORDER_FIELDS = ['number', 'state', 'reference', 'total_amount', 'currency.code'];

/** Tryton's sale states; `cancel` is the only one spelled differently. */
const STATES: Record<string, ErpOrder['state']> = {
  draft: 'draft',
  quotation: 'quotation',
  confirmed: 'confirmed',
  processing: 'processing',
  done: 'done',
  cancel: 'cancelled',
};

/** The oldest live order with the reference; a cancelled one only when there is nothing else. */
export async function findOrderByReference(
  t: Tryton,
  reference: string,
  opts?: CallOptions,
): Promise<ErpOrder | null> {
  const rows = await searchRead(t, 'sale.sale', [['reference', '=', reference]], ORDER_FIELDS, {
    ...opts,
    order: [['id', 'ASC']],
  });
  const live = rows.find((row) => row.state !== 'cancel');
  const chosen = live ?? rows.at(-1);
  return chosen ? toOrder(chosen) : null;
}

export async function createOrder(
  t: Tryton,
  input: ErpOrderInput,
  opts?: CallOptions,
): Promise<ErpOrder> {
  const partyId = trytonId(input.customerId);
  const productIds = input.lines.map((line) => trytonId(line.productId) ?? 0);
  if (input.lines.length === 0) throw rejected('erp_rejected', 'An order needs at least one line');

  const [parties, currencies, products, warehouses, context] = await Promise.all([
    partyId
      ? searchRead(
          t,
          'party.party',
          [['id', '=', partyId]],
          ['addresses', 'customer_payment_term', 'sale_price_list'],
          opts,
        )
      : [],
    searchRead(t, 'currency.currency', [['code', '=', input.currency]], ['code'], opts),
    searchRead(
      t,
      'product.product',
      [
        ['id', 'in', productIds],
        ['salable', '=', true],
      ],
      ['id'],
      opts,
    ),
    listWarehouses(t, opts),
    t.rpc.context(rpcOpts(opts)),
  ]);
  const party = parties[0];
  if (!party)
    throw rejected('unknown_customer', `Tryton has no customer with id ${input.customerId}`);
  const currency = currencies[0]?.id;
  if (!currency) throw rejected('erp_rejected', `Tryton has no currency ${input.currency}`);
  const unknown = input.lines.find(
    (line) => !products.some((p) => String(p.id) === line.productId),
  );
  if (unknown)
    throw rejected('unknown_product', `Tryton has no salable product with id ${unknown.productId}`);
  const address = (party.addresses as number[])[0];
  if (!address)
    throw rejected('erp_rejected', `Customer ${input.customerId} has no address in Tryton`);

  const parent = {
    '_parent_sale.id': -1,
    '_parent_sale.party': party.id,
    '_parent_sale.currency': currency,
    '_parent_sale.price_list': party.sale_price_list ?? null,
    '_parent_sale.company': context.company ?? null,
    '_parent_sale.sale_date': null,
  };
  const lines = await Promise.all(
    input.lines.map(async (line) => {
      const base = {
        type: 'line',
        product: Number(line.productId),
        quantity: Number(line.quantity),
        unit: null,
        unit_price: null,
        taxes: [],
        description: null,
        sale: null,
      };
      const [changes] = await t.rpc.model<Record<string, unknown>[]>(
        'sale.line',
        'on_change',
        [{ ...base, ...parent }, ['product']],
        rpcOpts(opts),
      );
      const unitPrice = line.unitPrice ?? str(changes?.unit_price ?? '0');
      return {
        type: 'line',
        product: Number(line.productId),
        quantity: Number(line.quantity),
        unit: changes?.unit ?? null,
        unit_price: decimal(unitPrice),
        taxes: [['add', taxIds(changes?.taxes)]],
      };
    }),
  );

  const [saleId] = await t.rpc.model<number[]>(
    'sale.sale',
    'create',
    [
      [
        {
          party: party.id,
          invoice_address: address,
          shipment_address: address,
          warehouse: warehouses[0] ? Number(warehouses[0].id) : null,
          payment_term: party.customer_payment_term ?? null,
          price_list: party.sale_price_list ?? null,
          currency,
          reference: input.reference,
          description: `CRM deal ${input.reference}`,
          lines: [['create', lines]],
        },
      ],
    ],
    rpcOpts(opts),
  );
  if (saleId === undefined) throw rejected('erp_rejected', 'Tryton created no sale');

  // Quoting validates the order and gives it its number.
  await t.rpc.model('sale.sale', 'quote', [[saleId]], rpcOpts(opts));
  return readOrder(t, saleId, opts);
}

/** Idempotent: a confirmed (or further) order is returned as it is. */
export async function confirmOrder(
  t: Tryton,
  orderId: string,
  opts?: CallOptions,
): Promise<ErpOrder> {
  const id = trytonId(orderId);
  let order = id ? await readOrder(t, id, opts) : null;
  if (!order || !id) throw rejected('erp_rejected', `Tryton has no order with id ${orderId}`);

  if (order.state === 'cancelled') {
    throw new ErpRejected(
      'erp_rejected',
      `Order ${order.number ?? orderId} is cancelled in Tryton`,
    );
  }
  if (order.state === 'draft') {
    await t.rpc.model('sale.sale', 'quote', [[id]], rpcOpts(opts));
    order = await readOrder(t, id, opts);
  }
  if (order?.state === 'quotation') {
    // sale_credit_limit checks the credit here; a refusal is a UserError (→ credit_blocked).
    await t.rpc.model('sale.sale', 'confirm', [[id]], rpcOpts(opts));
    order = await readOrder(t, id, opts);
  }
  return order!;
}

async function readOrder(t: Tryton, id: number, opts?: CallOptions): Promise<ErpOrder> {
  const [row] = await searchRead(t, 'sale.sale', [['id', '=', id]], ORDER_FIELDS, opts);
  if (!row) throw rejected('erp_rejected', `Tryton has no order with id ${id}`);
  return toOrder(row);
}

function toOrder(row: Row): ErpOrder {
  const state = STATES[str(row.state)];
  if (!state)
    throw rejected('erp_rejected', `Tryton order ${row.id} has an unknown state ${str(row.state)}`);
  return {
    id: String(row.id),
    number: row.number == null || row.number === '' ? null : str(row.number),
    reference: str(row.reference),
    state,
    total: str(row.total_amount ?? '0'),
    currency: str(related(row, 'currency.code')),
  };
}

/** on_change answers taxes as `{"add": [[index, {"id": 1}], ...]}`. */
function taxIds(taxes: unknown): number[] {
  const add = (taxes as { add?: [number, { id: number }][] } | undefined)?.add ?? [];
  return add.map(([, tax]) => tax.id);
}
