import type { ErpAdapter } from './port.ts';

/** Every operation of the port, for wrappers that must cover them all. */
export const erpOperations = [
  'searchProducts',
  'getProducts',
  'listWarehouses',
  'getStock',
  'getPrices',
  'getCustomers',
  'searchCustomers',
  'createCustomer',
  'getCredit',
  'getInvoices',
  'findOrderByReference',
  'createOrder',
  'confirmOrder',
  'ping',
] as const satisfies ReadonlyArray<keyof ErpAdapter>;

export type ErpOperation = (typeof erpOperations)[number];

/**
 * An adapter whose every operation runs through `around` (which calls `call` to reach the
 * inner adapter, or not). Walks the port's operation list rather than the object's keys,
 * so class-based adapters (Tryton) are wrapped as fully as plain objects (the sandbox).
 */
export function aroundErpCalls(
  inner: ErpAdapter,
  around: (operation: ErpOperation, call: () => Promise<unknown>) => Promise<unknown>,
): ErpAdapter {
  const wrapped: Record<string, unknown> = { name: inner.name };
  for (const operation of erpOperations) {
    const method = inner[operation] as (...args: unknown[]) => Promise<unknown>;
    wrapped[operation] = (...args: unknown[]) => around(operation, () => method.apply(inner, args));
  }
  return wrapped as unknown as ErpAdapter;
}
