/**
 * Seeds the local Tryton with ERP Lens's demo data over JSON-RPC, as admin, through the same
 * client the adapter uses. Run by setup.sh on a freshly created database; it is not meant to
 * be re-run on a seeded one (setup.sh starts over instead). The figures are listed in
 * scripts/tryton/README.md; the integration tests assert on them.
 */
import { date, decimal } from '../../server/erp/tryton/codec.ts';
import { TrytonRpc } from '../../server/erp/tryton/rpc.ts';
import { seedClient } from './seed-client.ts';

const env = process.env;
const port = env.TRYTON_PORT ?? '8000';
const database = env.TRYTON_DATABASE ?? 'erplens';
const apiLogin = env.TRYTON_USER ?? 'erplens';
const apiPassword = env.TRYTON_PASSWORD ?? 'ErpLens-Api-2026x';

const rpc = new TrytonRpc({
  url: `http://127.0.0.1:${port}`,
  database,
  username: 'admin',
  password: env.TRYTON_ADMIN_PASSWORD ?? 'TrytonAdmin-4711',
  timeoutMs: 60_000,
});

const DAY = 86_400_000;
const now = new Date();
const todayMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const day = (offset: number) => new Date(todayMs + offset * DAY).toISOString().slice(0, 10);
const thisYear = now.getUTCFullYear();

const { create, createOne, write, button, find, findOne, xmlId, openWizard } = seedClient(rpc);

// ---- the seed -----------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const say = (what: string) => console.log(`seed: ${what}`);

  const existing = await find('company.company', [], ['id']);
  if (existing.length > 0) {
    throw new Error('the database already has a company; run setup.sh with TRYTON_FORCE_RESEED=1');
  }

  // Company in EUR. python3-tz is not installed, so the timezone stays unset (tryton.md §1).
  const eur = await createOne('currency.currency', {
    name: 'Euro',
    code: 'EUR',
    symbol: '€',
    rounding: decimal('0.01'),
    digits: 2,
  });
  const companyParty = await createOne('party.party', {
    name: 'Demo Tools GmbH',
    addresses: [['create', [{ street: 'Werkstraße 12', postal_code: '10115', city: 'Berlin' }]]],
  });
  const company = await createOne('company.company', { party: companyParty, currency: eur });
  const admin = await rpc.userId();
  await write('res.user', [admin], { companies: [['add', [company]]], company });
  await rpc.logout(); // the next login reads preferences with the company in them
  say(`company Demo Tools GmbH (${company}) in EUR`);

  // Chart of accounts from the "Minimal Account Chart" template, through its wizard.
  const template = await findOne('account.account.template', [
    ['parent', '=', null],
    ['name', '=', 'Minimal Account Chart'],
  ]);
  const chart = await openWizard('account.create_chart');
  await chart.go('account');
  chart.forms.account = { company, account_template: template.id };
  const properties = await chart.go('create_account');
  const receivable = await findOne('account.account', [['type.receivable', '=', true]], ['id']);
  const payable = await findOne('account.account', [['type.payable', '=', true]], ['id']);
  chart.forms[properties.state] = {
    ...properties.defaults,
    company,
    account_receivable: receivable.id,
    account_payable: payable.id,
  };
  await chart.go('create_properties');
  await chart.close();
  const account = async (name: string) =>
    (await findOne('account.account', [['name', '=', name]])).id;
  const [revenue, expense, cash, taxAccount] = await Promise.all(
    ['Main Revenue', 'Main Expense', 'Main Cash', 'Main Tax'].map(account),
  );
  say('chart of accounts (Minimal Account Chart)');

  // Fiscal years: last year and this year, each with its own move and invoice sequences.
  const moveType = await xmlId('account', 'sequence_type_account_move');
  const invoiceType = await xmlId('account_invoice', 'sequence_type_account_invoice');
  for (const year of [thisYear - 1, thisYear]) {
    const postMove = await createOne('ir.sequence', {
      name: `Moves ${year}`,
      sequence_type: moveType,
      company,
    });
    const invoices = await createOne('ir.sequence.strict', {
      name: `Invoices ${year}`,
      sequence_type: invoiceType,
      company,
      prefix: `INV/${year}/`,
      padding: 4,
    });
    const fiscalYear = await createOne('account.fiscalyear', {
      name: String(year),
      start_date: date(`${year}-01-01`),
      end_date: date(`${year}-12-31`),
      company,
      post_move_sequence: postMove,
      invoice_sequences: [
        [
          'create',
          [
            {
              company,
              out_invoice_sequence: invoices,
              out_credit_note_sequence: invoices,
              in_invoice_sequence: invoices,
              in_credit_note_sequence: invoices,
            },
          ],
        ],
      ],
    });
    await button('account.fiscalyear', 'create_period', [fiscalYear]);
  }
  say(`fiscal years ${thisYear - 1} and ${thisYear} with monthly periods`);

  // Tax, payment term, payment method, dunning procedure.
  const vat = await createOne('account.tax', {
    name: 'VAT 19%',
    description: 'VAT 19%',
    type: 'percentage',
    rate: decimal('0.19'),
    invoice_account: taxAccount,
    credit_note_account: taxAccount,
    company,
  });
  const net30 = await createOne('account.invoice.payment_term', {
    name: 'Net 30',
    lines: [['create', [{ type: 'remainder', relativedeltas: [['create', [{ days: 30 }]]] }]]],
  });
  const cashJournal = await findOne('account.journal', [['type', '=', 'cash']]);
  const bankTransfer = await createOne('account.invoice.payment.method', {
    name: 'Bank transfer',
    company,
    journal: cashJournal.id,
    credit_account: cash,
    debit_account: cash,
  });
  const dunningProcedure = await createOne('account.dunning.procedure', {
    name: 'Standard dunning',
    levels: [
      [
        'create',
        [
          { sequence: 1, overdue: { __class__: 'timedelta', seconds: 14 * 86_400 } },
          {
            sequence: 2,
            overdue: { __class__: 'timedelta', seconds: 60 * 86_400 },
            credit_limit: true,
          },
        ],
      ],
    ],
  });
  say('VAT 19%, Net 30, bank transfer, dunning levels at 14 d and 60 d (credit limit)');

  // Warehouses: the default WH becomes Berlin (BER); Hamburg (HAM) is built like it.
  const berlin = await findOne('stock.location', [['type', '=', 'warehouse']], ['id']);
  await write('stock.location', [berlin.id], { name: 'Berlin Warehouse', code: 'BER' });
  const [hamInput, hamOutput, hamStorage] = (await create('stock.location', [
    { name: 'Hamburg Input', code: 'HAM-IN', type: 'storage' },
    { name: 'Hamburg Output', code: 'HAM-OUT', type: 'storage' },
    { name: 'Hamburg Storage', code: 'HAM-STO', type: 'storage' },
  ])) as [number, number, number];
  const hamburg = await createOne('stock.location', {
    name: 'Hamburg Warehouse',
    code: 'HAM',
    type: 'warehouse',
    input_location: hamInput,
    output_location: hamOutput,
    storage_location: hamStorage,
  });
  await write('stock.location', [hamInput, hamOutput, hamStorage], { parent: hamburg });
  const berlinStorage = (
    await findOne('stock.location', [['id', '=', berlin.id]], ['storage_location'])
  ).storage_location as number;
  const supplier = await findOne('stock.location', [['type', '=', 'supplier']]);
  const customerLocation = await findOne('stock.location', [['type', '=', 'customer']]);
  say(`warehouses Berlin/BER (${berlin.id}) and Hamburg/HAM (${hamburg})`);

  // Products in a "Tools" accounting category that carries the VAT.
  const category = await createOne('product.category', {
    name: 'Tools',
    accounting: true,
    account_revenue: revenue,
    account_expense: expense,
    customer_taxes: [['add', [vat]]],
  });
  const uom = async (name: string) => (await findOne('product.uom', [['name', '=', name]])).id;
  const [unit, meter, kilogram] = await Promise.all(['Unit', 'Meter', 'Kilogram'].map(uom));
  const catalogue = [
    {
      code: 'SKU-1001',
      name: 'Industrial Drill X200',
      uom: unit,
      price: '249.00',
      cost: '150.00',
      ber: 40,
      ham: 5,
    },
    {
      code: 'SKU-1002',
      name: 'Cordless Screwdriver S18',
      uom: unit,
      price: '89.90',
      cost: '50.00',
      ber: 25,
      ham: 60,
    },
    {
      code: 'SKU-1003',
      name: 'Safety Gloves (pair)',
      uom: unit,
      price: '7.50',
      cost: '3.00',
      ber: 200,
      ham: 0,
    },
    {
      code: 'SKU-1004',
      name: 'Steel Wire Rope 6 mm',
      uom: meter,
      price: '3.85',
      cost: '1.90',
      ber: 0,
      ham: 120.5,
    },
    {
      code: 'SKU-1005',
      name: 'Workbench Pro 2m',
      uom: unit,
      price: '599.00',
      cost: '380.00',
      ber: 3,
      ham: 2,
    },
    {
      code: 'SKU-1006',
      name: 'Hex Bolts M8 (bulk)',
      uom: kilogram,
      price: '12.40',
      cost: '6.10',
      ber: 85.25,
      ham: 40,
    },
  ];
  const product: Record<string, number> = {};
  for (const item of catalogue) {
    await createOne('product.template', {
      name: item.name,
      type: 'goods',
      default_uom: item.uom,
      sale_uom: item.uom,
      salable: true,
      list_price: decimal(item.price),
      account_category: category,
      products: [['create', [{ suffix_code: item.code, cost_price: decimal(item.cost) }]]],
    });
    product[item.code] = (await findOne('product.product', [['code', '=', item.code]])).id;
  }
  say(`${catalogue.length} products SKU-1001..SKU-1006`);

  // Stock: receipts from the supplier, done; one planned delivery so forecast differs.
  const receipts = catalogue.flatMap((item) =>
    (
      [
        [berlinStorage, item.ber],
        [hamStorage, item.ham],
      ] as [number, number][]
    )
      .filter(([, quantity]) => quantity > 0)
      .map(([to, quantity]) => ({
        product: product[item.code],
        uom: item.uom,
        quantity,
        from_location: supplier.id,
        to_location: to,
        unit_price: decimal(item.cost),
        currency: eur,
        company,
        planned_date: date(day(-30)),
        effective_date: date(day(-30)),
      })),
  );
  const moves = await create('stock.move', receipts);
  await button('stock.move', 'do', moves);
  await create('stock.move', [
    {
      product: product['SKU-1001'],
      uom: unit,
      quantity: 10,
      from_location: berlinStorage,
      to_location: customerLocation.id,
      unit_price: decimal('249.00'),
      currency: eur,
      company,
      planned_date: date(day(3)),
    },
  ]);
  say(`stock: ${moves.length} receipts done, 1 planned delivery (drill -10 in Berlin)`);

  // Price list with a volume tier.
  const priceList = await createOne('product.price_list', {
    name: 'ACME contract prices',
    company,
    lines: [
      [
        'create',
        [
          { sequence: 10, quantity: 10, formula: 'unit_price * 0.85' },
          { sequence: 20, quantity: 0, formula: 'unit_price * 0.9' },
        ],
      ],
    ],
  });

  // Customers.
  const acme = await createOne('party.party', {
    name: 'ACME Industries AG',
    identifiers: [['create', [{ type: 'eu_vat', code: 'DE136695976' }]]],
    addresses: [
      ['create', [{ street: 'Industriestraße 5', postal_code: '70565', city: 'Stuttgart' }]],
    ],
    contact_mechanisms: [['create', [{ type: 'email', value: 'purchasing@acme.example' }]]],
    sale_price_list: priceList,
    credit_limit_amount: decimal('5000.00'),
    customer_payment_term: net30,
    dunning_procedure: dunningProcedure,
  });
  const globex = await createOne('party.party', {
    name: 'Globex Retail GmbH',
    identifiers: [['create', [{ type: 'eu_vat', code: 'DE129273398' }]]],
    addresses: [['create', [{ street: 'Hafenstraße 21', postal_code: '20457', city: 'Hamburg' }]]],
    contact_mechanisms: [['create', [{ type: 'email', value: 'einkauf@globex.example' }]]],
    credit_limit_amount: decimal('3000.00'),
    customer_payment_term: net30,
    dunning_procedure: dunningProcedure,
  });
  say(`customers ACME (${acme}, price list, limit 5000) and Globex (${globex}, limit 3000)`);

  // Invoices: posted; the first overdue, the second partly paid, the third open.
  const revenueJournal = await findOne('account.journal', [['type', '=', 'revenue']]);
  const addressOf = async (party: number) =>
    (await findOne('party.address', [['party', '=', party]])).id;
  const invoice = async (party: number, offset: number, lines: [string, number, string][]) => {
    const id = await createOne('account.invoice', {
      type: 'out',
      company,
      party,
      invoice_address: await addressOf(party),
      currency: eur,
      journal: revenueJournal.id,
      account: receivable.id,
      payment_term: net30,
      invoice_date: date(day(offset)),
      lines: [
        [
          'create',
          lines.map(([code, quantity, price]) => ({
            type: 'line',
            product: product[code],
            quantity,
            unit: catalogue.find((c) => c.code === code)?.uom,
            unit_price: decimal(price),
            account: revenue,
            taxes: [['add', [vat]]],
            description: catalogue.find((c) => c.code === code)?.name,
          })),
        ],
      ],
    });
    await write('account.invoice', [id], { description: 'ERP Lens demo' }); // recomputes taxes
    await button('account.invoice', 'post', [id]);
    return id;
  };
  const overdue = await invoice(acme, -100, [
    ['SKU-1001', 4, '224.1000'],
    ['SKU-1003', 27, '6.7500'],
  ]);
  const partlyPaid = await invoice(acme, -12, [
    ['SKU-1002', 18, '80.9100'],
    ['SKU-1006', 12.5, '11.1600'],
  ]);
  await invoice(globex, -5, [
    ['SKU-1005', 1, '599.00'],
    ['SKU-1004', 80, '3.85'],
  ]);

  const pay = await openWizard('account.invoice.pay', {
    model: 'account.invoice',
    ids: [partlyPaid],
  });
  const start = await pay.go('start');
  pay.forms.start = {
    ...start.defaults,
    amount: decimal('500.00'),
    currency: eur,
    payment_method: bankTransfer,
    date: date(day(-2)),
    description: 'Partial payment',
  };
  const ask = await pay.go('choice');
  if (ask.state === 'ask') {
    pay.forms.ask = { ...ask.defaults, type: 'partial' };
    await pay.go('pay');
  }
  await pay.close();
  say(`invoices posted for ACME (${overdue} overdue, ${partlyPaid} partly paid 500.00) and Globex`);

  // Dunning: the overdue line gets level 1, then is processed (waiting).
  const dunningRun = await openWizard('account.dunning.create');
  await dunningRun.go('start');
  dunningRun.forms.start = { date: date(day(0)) };
  await dunningRun.go('create_');
  await dunningRun.close();
  const dunnings = (await find('account.dunning', [['state', '=', 'draft']])).map((d) => d.id);
  if (dunnings.length > 0) {
    const processing = await openWizard('account.dunning.process', {
      model: 'account.dunning',
      ids: dunnings,
    });
    await processing.go('start');
    processing.forms.start = {};
    await processing.go('process');
    await processing.close();
  }
  say(`${dunnings.length} dunning(s) at level 1`);

  // The API user: sales, stock, product and party administration, accounting (to read
  // invoices), dunning (to read dunnings), and deliberately NOT "Credit Limit": for it the credit check is a
  // hard UserError instead of a warning it could accept (tryton.md §4).
  const groups = await Promise.all([
    xmlId('sale', 'group_sale'),
    xmlId('sale', 'group_sale_admin'),
    xmlId('stock', 'group_stock'),
    xmlId('product', 'group_product_admin'),
    xmlId('party', 'group_party_admin'),
    xmlId('account', 'group_account'),
    xmlId('account_dunning', 'group_dunning'),
  ]);
  const apiUser = await createOne('res.user', {
    name: 'ERP Lens API',
    login: apiLogin,
    password: apiPassword,
    companies: [['add', [company]]],
    company,
    groups: [['add', groups]],
  });
  say(`API user ${apiLogin} (${apiUser}) without the Credit Limit group`);

  await rpc.logout();
  say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(
    'seed: failed:',
    error instanceof Error ? `${error.name}: ${error.message}` : error,
  );
  if (error instanceof Error && error.cause) console.error('seed: cause:', error.cause);
  process.exitCode = 1;
});
