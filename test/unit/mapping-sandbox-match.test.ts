import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import type { ErpAdapter } from '../../server/erp/port.ts';
import { createSandboxAdapter } from '../../server/erp/sandbox/adapter.ts';
import { sandboxMigrations } from '../../server/erp/sandbox/schema.ts';
import { seedSandbox } from '../../server/erp/sandbox/seed.ts';
import type { CrmAccount } from '../../server/mapping/crm-account.ts';
import { matchCustomer } from '../../server/mapping/match-customer.ts';
import { createSqlIdMap } from '../../server/store/id-map.ts';
import { storeMigrations } from '../../server/store/migrations.ts';
import { migrate } from '../../server/store/sql.ts';
import { openSqlite } from '../../server/store/sqlite.ts';

describe('matching against the sandbox ERP with the id map in SQLite', () => {
  const mapping = parseConfig({}).mapping;
  const db = openSqlite(':memory:');
  const idMap = createSqlIdMap(db);
  let erp: ErpAdapter;

  beforeAll(async () => {
    await migrate(db, 'store', storeMigrations);
    await migrate(db, 'sandbox', sandboxMigrations);
    await seedSandbox(db, new Date('2026-06-01T00:00:00Z'));
    erp = createSandboxAdapter(db);
  });

  const account = (over: Partial<CrmAccount>): CrmAccount => ({
    id: 'acc-7',
    name: '',
    email: null,
    phone: null,
    taxId: null,
    country: 'DE',
    addresses: [],
    segment: null,
    paymentTerms: null,
    ...over,
  });

  it.each(['DE 123.456.789', 'de123456789', '123456789'])(
    'finds ACME Industries by the tax id "%s"',
    async (taxId) => {
      const result = await matchCustomer(account({ taxId }), { idMap, erp, mapping });
      expect(result).toMatchObject({ kind: 'matched', via: 'tax_id', customer: { id: 'C-1001' } });
    },
  );

  it('finds Globex by its name without the legal form', async () => {
    const result = await matchCustomer(account({ name: 'GLOBEX Retail' }), { idMap, erp, mapping });
    expect(result).toMatchObject({ kind: 'matched', via: 'name', customer: { id: 'C-1002' } });
  });

  it('keeps a remembered pair across lookups', async () => {
    await idMap.remember({
      kind: 'customer',
      crmId: 'acc-7',
      erpId: 'C-1003',
      via: 'email',
      updatedAt: '2026-06-01T00:00:00Z',
    });
    await idMap.remember({
      kind: 'customer',
      crmId: 'acc-7',
      erpId: 'C-1004',
      via: 'manual',
      updatedAt: '2026-06-02T00:00:00Z',
    });
    const result = await matchCustomer(account({ taxId: 'DE123456789' }), { idMap, erp, mapping });
    expect(result).toMatchObject({ kind: 'matched', via: 'id_map', customer: { id: 'C-1004' } });

    await idMap.forget('customer', 'acc-7');
    expect(await idMap.get('customer', 'acc-7')).toBeNull();
  });
});
