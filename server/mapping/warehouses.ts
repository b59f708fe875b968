import type { ErpWarehouse } from '../erp/port.ts';

/**
 * The warehouses a rep sees, by `lookup.warehouses` (ERP ids or codes, in the order given).
 * No list: every warehouse, in the ERP's order.
 */
export function shownWarehouses(all: ErpWarehouse[], wanted: string[] | undefined): ErpWarehouse[] {
  if (!wanted) return all;
  return wanted
    .map((key) => all.find((w) => w.id === key) ?? all.find((w) => w.code === key))
    .filter((w): w is ErpWarehouse => w !== undefined);
}
