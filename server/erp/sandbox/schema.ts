import type { Migration } from '../../store/sql.ts';

/**
 * The sandbox ERP's own tables. Figures are decimal strings (TEXT) so no float ever
 * touches them; dates are TEXT 'YYYY-MM-DD'.
 */
export const sandboxMigrations: Migration[] = [
  {
    version: 1,
    name: 'sandbox erp',
    sql: `
      CREATE TABLE sb_warehouses (id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL,
        position INTEGER NOT NULL);
      CREATE TABLE sb_currencies (code TEXT PRIMARY KEY, rate TEXT NOT NULL);
      CREATE TABLE sb_products (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
        unit TEXT NOT NULL, fractional INTEGER NOT NULL, list_price TEXT NOT NULL);
      CREATE TABLE sb_stock (product_id TEXT NOT NULL REFERENCES sb_products(id),
        warehouse_id TEXT NOT NULL REFERENCES sb_warehouses(id), on_hand TEXT NOT NULL,
        reserved TEXT NOT NULL DEFAULT '0', PRIMARY KEY (product_id, warehouse_id));
      CREATE TABLE sb_price_lists (id TEXT PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE sb_price_rules (price_list_id TEXT NOT NULL REFERENCES sb_price_lists(id),
        product_id TEXT REFERENCES sb_products(id), min_quantity TEXT NOT NULL,
        factor TEXT NOT NULL);
      CREATE TABLE sb_customers (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL, email TEXT, tax_id TEXT, currency TEXT NOT NULL,
        price_list_id TEXT REFERENCES sb_price_lists(id), credit_limit TEXT,
        blocked INTEGER NOT NULL DEFAULT 0, block_reason TEXT, payment_terms TEXT);
      CREATE TABLE sb_invoices (number TEXT PRIMARY KEY, customer_id TEXT NOT NULL
        REFERENCES sb_customers(id), invoice_date TEXT NOT NULL, due_date TEXT NOT NULL,
        currency TEXT NOT NULL, total TEXT NOT NULL, paid TEXT NOT NULL DEFAULT '0',
        state TEXT NOT NULL, dunning_level INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE sb_orders (id INTEGER PRIMARY KEY AUTOINCREMENT, number TEXT,
        reference TEXT NOT NULL, customer_id TEXT NOT NULL REFERENCES sb_customers(id),
        currency TEXT NOT NULL, state TEXT NOT NULL, total TEXT NOT NULL,
        created_at TEXT NOT NULL);
      CREATE INDEX sb_orders_reference ON sb_orders (reference);
      CREATE TABLE sb_order_lines (order_id INTEGER NOT NULL REFERENCES sb_orders(id),
        position INTEGER NOT NULL, product_id TEXT NOT NULL REFERENCES sb_products(id),
        quantity TEXT NOT NULL, unit_price TEXT NOT NULL, amount TEXT NOT NULL,
        PRIMARY KEY (order_id, position));
      CREATE TABLE sb_reservations (order_id INTEGER NOT NULL REFERENCES sb_orders(id),
        product_id TEXT NOT NULL, warehouse_id TEXT NOT NULL, quantity TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'sandbox customers: phone, country, address, reference',
    sql: `
      ALTER TABLE sb_customers ADD COLUMN phone TEXT;
      ALTER TABLE sb_customers ADD COLUMN country TEXT;
      ALTER TABLE sb_customers ADD COLUMN street TEXT;
      ALTER TABLE sb_customers ADD COLUMN postal_code TEXT;
      ALTER TABLE sb_customers ADD COLUMN city TEXT;
      ALTER TABLE sb_customers ADD COLUMN customer_group TEXT;
      ALTER TABLE sb_customers ADD COLUMN reference TEXT;
      CREATE INDEX sb_customers_phone ON sb_customers (phone);
      UPDATE sb_customers SET phone = '+4930123456', country = 'DE' WHERE id = 'C-1001';
      UPDATE sb_customers SET phone = '+494012345678', country = 'DE' WHERE id = 'C-1002';
      UPDATE sb_customers SET phone = '+4989765432', country = 'DE' WHERE id = 'C-1003';
      UPDATE sb_customers SET phone = '+442071234567', country = 'GB' WHERE id = 'C-1004';
      UPDATE sb_customers SET phone = '+4969246813', country = 'DE' WHERE id = 'C-1005';
    `,
  },
];
