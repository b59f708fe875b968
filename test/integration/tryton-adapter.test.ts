import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErpRejected, ErpUnavailable } from '../../server/erp/errors.ts';
import { createTrytonAdapter } from '../../server/erp/tryton/adapter.ts';
import { resetTryton, seeded, tryton, trytonGate } from './tryton-env.ts';

const live = await trytonGate('Tryton adapter integration tests');
const { products: p, customers: c, warehouses: w } = seeded;
const today = new Date().toISOString().slice(0, 10);

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

// Tryton on SQLite takes one write at a time: everything here runs in order (the default
// within a file; vitest.config.ts runs the files of this project one after another).
describe.skipIf(!live)('Tryton adapter against the seeded server', () => {
  const erp = createTrytonAdapter(tryton);

  beforeAll(() => {
    // Orders confirmed by earlier runs would count against the customers' credit.
    if (!resetTryton()) console.warn('Tryton was not reset: no .tryton/seeded.sqlite here');
  });

  describe('products and stock', () => {
    it('lists the Berlin and Hamburg warehouses', async () => {
      expect(await erp.listWarehouses()).toEqual([
        { id: w.berlin, code: 'BER', name: 'Berlin Warehouse' },
        { id: w.hamburg, code: 'HAM', name: 'Hamburg Warehouse' },
      ]);
    });

    it('reports stock per warehouse as seeded, with forecast as available', async () => {
      const stock = await erp.getStock([p.drill, p.gloves, p.wireRope, p.bolts]);

      expect(stock.get(p.drill)).toEqual([
        { warehouseId: w.berlin, warehouseName: 'Berlin Warehouse', onHand: '40', available: '30' },
        { warehouseId: w.hamburg, warehouseName: 'Hamburg Warehouse', onHand: '5', available: '5' },
      ]);
      expect(stock.get(p.gloves)?.find((s) => s.warehouseId === w.hamburg)?.onHand).toBe('0');
      expect(stock.get(p.wireRope)?.map((s) => s.onHand)).toEqual(['0', '120.5']);
      expect(stock.get(p.bolts)?.map((s) => s.onHand)).toEqual(['85.25', '40']);
    });

    it('leaves unknown product ids out of stock and product reads', async () => {
      expect([...(await erp.getStock(['999999', 'SKU-1001'])).keys()]).toEqual([]);
      expect((await erp.getProducts([p.drill, '999999'])).size).toBe(1);
    });

    it('describes products with their unit and whether it is fractional', async () => {
      const products = await erp.getProducts([p.drill, p.wireRope, p.bolts]);

      expect(products.get(p.drill)).toMatchObject({
        code: 'SKU-1001',
        unit: 'u',
        fractional: false,
        listPrice: '249.00',
        currency: 'EUR',
      });
      expect(products.get(p.wireRope)).toMatchObject({
        code: 'SKU-1004',
        unit: 'm',
        fractional: true,
      });
      expect(products.get(p.bolts)).toMatchObject({
        code: 'SKU-1006',
        unit: 'kg',
        fractional: true,
      });
    });

    it('finds products by code or name', async () => {
      expect((await erp.searchProducts('drill', 10)).map((x) => x.code)).toEqual(['SKU-1001']);
      expect((await erp.searchProducts('SKU-100', 3)).map((x) => x.code)).toEqual([
        'SKU-1001',
        'SKU-1002',
        'SKU-1003',
      ]);
    });
  });

  describe('prices', () => {
    it('prices ACME at 0.9 x list below the tier and names the next tier', async () => {
      const [price] = await erp.getPrices(c.acme, 'EUR', [{ productId: p.drill, quantity: '1' }]);

      expect(price).toEqual({
        productId: p.drill,
        quantity: '1',
        currency: 'EUR',
        unitPrice: '224.1000',
        listPrice: '249.00',
        priceList: 'ACME contract prices',
        tier: null,
        nextTier: { minQuantity: '10', unitPrice: '211.6500' },
      });
    });

    it('prices ACME at 0.85 x list from 10 units and reports the tier', async () => {
      const [drill, bolts] = await erp.getPrices(c.acme, 'EUR', [
        { productId: p.drill, quantity: '10' },
        { productId: p.bolts, quantity: '12.5' },
      ]);

      expect(drill).toMatchObject({
        unitPrice: '211.6500',
        tier: { minQuantity: '10', unitPrice: '211.6500' },
        nextTier: null,
      });
      expect(bolts).toMatchObject({
        quantity: '12.5',
        unitPrice: '10.5400',
        tier: { minQuantity: '10' },
      });
    });

    it('prices a customer without a price list at the list price', async () => {
      const [price] = await erp.getPrices(c.globex, 'EUR', [
        { productId: p.screwdriver, quantity: '3' },
      ]);

      expect(price).toMatchObject({
        unitPrice: '89.9000',
        listPrice: '89.90',
        priceList: null,
        tier: null,
        nextTier: null,
      });
    });

    it('refuses an unknown product with a clear error', async () => {
      const error = await rejection(
        erp.getPrices(c.acme, 'EUR', [{ productId: '999999', quantity: '1' }]),
      );

      expect(error).toBeInstanceOf(ErpRejected);
      expect(error).toMatchObject({
        code: 'unknown_product',
        message: expect.stringContaining('999999'),
      });
    });
  });

  describe('customers, credit and invoices', () => {
    it('finds a customer by tax id, by e-mail and by name', async () => {
      const byTax = await erp.searchCustomers({ taxId: 'de 136 695 976' }, 5);
      const byEmail = await erp.searchCustomers({ email: 'EINKAUF@globex.example' }, 5);
      const byName = await erp.searchCustomers({ name: 'acme' }, 5);

      expect(byTax.map((x) => x.id)).toEqual([c.acme]);
      expect(byEmail.map((x) => x.id)).toEqual([c.globex]);
      expect(byName[0]).toEqual({
        id: c.acme,
        code: c.acme,
        name: 'ACME Industries AG',
        currency: 'EUR',
        priceList: 'ACME contract prices',
        email: 'purchasing@acme.example',
        phone: null,
        taxId: 'DE136695976',
      });
    });

    it('reads credit: limit, open balance, not blocked, payment terms', async () => {
      const credit = await erp.getCredit([c.acme, c.globex]);

      expect(credit.get(c.acme)).toEqual({
        customerId: c.acme,
        currency: 'EUR',
        limit: '5000.00',
        openBalance: '2682.69',
        blocked: false,
        blockReason: null,
        paymentTerms: 'Net 30',
        customer: expect.objectContaining({ id: c.acme, name: 'ACME Industries AG' }),
      });
      expect([...(await erp.getCredit(['999999'])).keys()]).toEqual([]);
      expect(credit.get(c.globex)).toMatchObject({ limit: '3000.00', openBalance: '1079.33' });
    });

    it('reads invoices: one overdue with dunning level 1, one partly paid', async () => {
      const invoices = (await erp.getInvoices([c.acme])).get(c.acme) ?? [];
      const overdue = invoices.find((i) => i.total === '1283.59');
      const partlyPaid = invoices.find((i) => i.total === '1899.10');

      expect(invoices).toHaveLength(2);
      expect(overdue).toMatchObject({
        open: '1283.59',
        state: 'posted',
        dunningLevel: 1,
        currency: 'EUR',
      });
      expect(overdue!.number).toMatch(/^INV\/\d{4}\/\d{4}$/);
      expect(overdue!.dueDate! < today).toBe(true);
      expect(partlyPaid).toMatchObject({ open: '1399.10', state: 'posted', dunningLevel: 0 });
      expect(partlyPaid!.dueDate! > today).toBe(true);
    });
  });

  describe('orders', () => {
    const reference = `IT-${Date.now()}`;

    it('creates a quotation priced by Tryton, finds it by reference, confirms it twice', async () => {
      const created = await erp.createOrder({
        customerId: c.acme,
        currency: 'EUR',
        reference,
        lines: [{ productId: p.drill, quantity: '2' }],
      });
      expect(created).toMatchObject({
        reference,
        state: 'quotation',
        total: '533.36',
        currency: 'EUR',
      });
      expect(created.number).not.toBeNull();

      expect(await erp.findOrderByReference(reference)).toEqual(created);

      const confirmed = await erp.confirmOrder(created.id);
      expect(['confirmed', 'processing']).toContain(confirmed.state);
      expect(await erp.confirmOrder(created.id)).toEqual(confirmed);
    });

    it('keeps a unit price agreed in the CRM', async () => {
      const order = await erp.createOrder({
        customerId: c.acme,
        currency: 'EUR',
        reference: `${reference}-agreed`,
        lines: [{ productId: p.gloves, quantity: '10', unitPrice: '5.00' }],
      });

      expect(order.total).toBe('59.50');
    });

    it('refuses to confirm an order over the credit limit, with Tryton reason', async () => {
      const order = await erp.createOrder({
        customerId: c.globex,
        currency: 'EUR',
        reference: `${reference}-big`,
        lines: [{ productId: p.workbench, quantity: '4' }],
      });

      const error = await rejection(erp.confirmOrder(order.id));
      expect(error).toBeInstanceOf(ErpRejected);
      expect(error).toMatchObject({
        code: 'credit_blocked',
        message: expect.stringContaining('credit limit'),
      });
      expect((await erp.findOrderByReference(`${reference}-big`))?.state).toBe('quotation');
    });

    it('refuses an order line with an unknown product', async () => {
      const error = await rejection(
        erp.createOrder({
          customerId: c.acme,
          currency: 'EUR',
          reference: `${reference}-bad`,
          lines: [{ productId: '999999', quantity: '1' }],
        }),
      );

      expect(error).toMatchObject({ name: 'ErpRejected', code: 'unknown_product' });
      expect(await erp.findOrderByReference(`${reference}-bad`)).toBeNull();
    });

    it('creates a customer with address and e-mail that search then finds', async () => {
      const email = `buyer-${Date.now()}@initech.example`;
      const created = await erp.createCustomer({
        crmId: 'crm-initech',
        name: 'Initech GmbH',
        email,
        phone: '+4942112345',
        taxId: null,
        country: 'DE',
        address: { street: 'Am Hafen 7', postalCode: '28195', city: 'Bremen', country: 'DE' },
        group: null,
        paymentTerms: null,
      });

      expect(created).toMatchObject({
        name: 'Initech GmbH',
        email,
        currency: 'EUR',
        priceList: null,
      });
      expect((await erp.searchCustomers({ email }, 5)).map((x) => x.id)).toEqual([created.id]);
      expect((await erp.searchCustomers({ phone: '+4942112345' }, 5)).map((x) => x.id)).toEqual([
        created.id,
      ]);
    });
  });

  describe('failures', () => {
    it('reports an unreachable server as ErpUnavailable, quickly and not ambiguous', async () => {
      const port = await closedPort();
      const down = createTrytonAdapter({
        ...tryton,
        url: `http://127.0.0.1:${port}`,
        timeoutMs: 2_000,
      });
      const started = Date.now();

      const error = await rejection(down.ping());

      expect(error).toBeInstanceOf(ErpUnavailable);
      expect(error).toMatchObject({ retryable: true, ambiguous: false });
      expect(Date.now() - started).toBeLessThan(1_000);
    });
  });
});
