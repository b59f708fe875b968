import { z } from 'zod';
import { CurrencyCode, DecimalString } from '../shared/money.ts';
import { PaymentStatus } from '../shared/api.ts';
import { CustomerMapping } from './mapping/customer-config.ts';
import { Origin } from './auth/origins.ts';

/**
 * The configuration file, validated once at start-up. Secrets never live in the file:
 * it names the environment variable that holds them. A bad file stops start-up with every
 * problem listed by its path (formatConfigErrors).
 */

const SandboxErp = z
  .object({
    type: z.literal('sandbox'),
    /** SQLite file of the sandbox ERP; ':memory:' for a throwaway one. */
    path: z.string().min(1).default('data/sandbox.sqlite'),
  })
  .strict();

const TrytonErp = z
  .object({
    type: z.literal('tryton'),
    url: z.string().url('a URL such as http://127.0.0.1:8000'),
    database: z.string().min(1),
    username: z.string().min(1),
    /** Name of the environment variable holding the password. */
    passwordEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/)
      .default('TRYTON_PASSWORD'),
    /** Per-call timeout towards Tryton. */
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  })
  .strict();

const RateLimit = z
  .object({
    max: z.number().int().min(1).max(1_000_000),
    windowMs: z.number().int().min(1_000).max(3_600_000),
  })
  .strict();

export const ConfigSchema = z
  .object({
    /** Lets an editor find config/erp-lens.schema.json; ignored otherwise. */
    $schema: z.string().optional(),
    server: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8787),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 8787 }),
    erp: z.discriminatedUnion('type', [SandboxErp, TrytonErp]).default({
      type: 'sandbox',
      path: 'data/sandbox.sqlite',
    }),
    crm: z
      .object({ type: z.literal('playground') })
      .strict()
      .default({ type: 'playground' }),
    store: z
      .object({ path: z.string().min(1).default('data/erp-lens.sqlite') })
      .strict()
      .default({ path: 'data/erp-lens.sqlite' }),
    auth: z
      .object({
        /** CRM pages that may embed the widget and call the API (CORS, CSP frame-ancestors). */
        allowedOrigins: z.array(Origin).default([]),
        /** Name of the environment variable holding the secret the CRM signs context tokens with. */
        tokenSecretEnv: z
          .string()
          .regex(/^[A-Z_][A-Z0-9_]*$/)
          .default('ERP_LENS_TOKEN_SECRET'),
        /** The playground mints its own tokens; omitted: on exactly when no secret is set. */
        devMode: z.boolean().optional(),
        /** Calls per token subject (the CRM user) per window. */
        rateLimits: z
          .object({
            lookup: RateLimit.default({ max: 300, windowMs: 60_000 }),
            convert: RateLimit.default({ max: 20, windowMs: 60_000 }),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    lookup: z
      .object({
        /** Every lookup answers within this budget, measured at the server. */
        deadlineMs: z.number().int().min(50).max(30_000).default(2000),
        /** Stock left after the line below this shows "Low". */
        lowStockThreshold: DecimalString.default('5'),
        /** Currencies a deal may be in. */
        currencies: z.array(CurrencyCode).min(1).default(['EUR', 'USD', 'CHF']),
        /** ERP calls in flight at once, across all reps. */
        maxConcurrentErpCalls: z.number().int().min(1).max(256).default(8),
        /** Percent a CRM line price may differ from the ERP's before the rep is told. */
        priceDriftPercent: DecimalString.default('1').describe(
          'Percent a CRM price may differ from the ERP price before it is flagged, e.g. "0.5"',
        ),
        /** ERP warehouse ids or codes to show, in this order; omitted: every warehouse. */
        warehouses: z
          .array(z.string().min(1))
          .min(1, 'name at least one warehouse, or leave the key out to show all')
          .optional()
          .describe('ERP warehouse ids or codes to show, in this order; omit to show all'),
      })
      .strict()
      .default({
        deadlineMs: 2000,
        lowStockThreshold: '5',
        currencies: ['EUR', 'USD', 'CHF'],
        maxConcurrentErpCalls: 8,
        priceDriftPercent: '1',
      }),
    cache: z
      .object({
        /** How long a figure counts as fresh, per kind; after that it is served stale while it refreshes. */
        ttlMs: z
          .object({
            stock: z.number().int().min(0).default(30_000),
            prices: z.number().int().min(0).default(300_000),
            credit: z.number().int().min(0).default(120_000),
            invoices: z.number().int().min(0).default(300_000),
            products: z.number().int().min(0).default(600_000),
          })
          .strict()
          .default({
            stock: 30_000,
            prices: 300_000,
            credit: 120_000,
            invoices: 300_000,
            products: 600_000,
          }),
        /** Stale figures older than this are not shown at all. */
        maxStaleMs: z.number().int().min(0).default(3_600_000),
        /** Bounds per kind: entries, and a rough size in bytes. */
        maxEntries: z.number().int().min(10).default(50_000),
        maxBytes: z
          .number()
          .int()
          .min(10_000)
          .default(32 * 1024 * 1024),
      })
      .strict()
      .default({
        ttlMs: {
          stock: 30_000,
          prices: 300_000,
          credit: 120_000,
          invoices: 300_000,
          products: 600_000,
        },
        maxStaleMs: 3_600_000,
        maxEntries: 50_000,
        maxBytes: 32 * 1024 * 1024,
      }),
    conversion: z
      .object({
        /** Attempts before a conversion with transient failures lands in the dead-letter list. */
        maxAttempts: z.number().int().min(1).max(50).default(6),
        /** Exponential backoff: base * 2^(attempt-1), jittered, capped; Retry-After wins if longer. */
        backoffBaseMs: z.number().int().min(10).default(2_000),
        backoffCapMs: z.number().int().min(10).default(300_000),
        /** How often the retry worker looks for due conversions (Node; the edge uses its cron). */
        pollMs: z.number().int().min(10).default(5_000),
        /**
         * How long a worker may hold a conversion without progress (renewed at every step);
         * after a crash, another worker resumes it once this has passed.
         */
        leaseMs: z.number().int().min(100).max(600_000).default(30_000),
        /** Optional: a URL told (POST, JSON, HMAC-signed) when a conversion fails or dies. */
        notifyUrl: z.string().url('a URL such as https://hooks.example.com/erp-lens').optional(),
        notifySecretEnv: z
          .string()
          .regex(/^[A-Z_][A-Z0-9_]*$/)
          .default('ERP_LENS_NOTIFY_SECRET'),
      })
      .strict()
      .default({
        maxAttempts: 6,
        backoffBaseMs: 2_000,
        backoffCapMs: 300_000,
        pollMs: 5_000,
        leaseMs: 30_000,
        notifySecretEnv: 'ERP_LENS_NOTIFY_SECRET',
      }),
    webhooks: z
      .object({
        customermates: z
          .object({
            /** Environment variable holding the shared secret the CRM signs with. */
            secretEnv: z
              .string()
              .regex(/^[A-Z_][A-Z0-9_]*$/)
              .default('CUSTOMERMATES_WEBHOOK_SECRET'),
            /** Events that mean "this deal is won". */
            wonEvents: z.array(z.string().min(1)).min(1).default(['deal.won']),
            /** A delivery whose timestamp is further than this from now is refused (replays). */
            toleranceSeconds: z.number().int().min(1).max(86_400).default(300),
          })
          .strict()
          .default({
            secretEnv: 'CUSTOMERMATES_WEBHOOK_SECRET',
            wonEvents: ['deal.won'],
            toleranceSeconds: 300,
          }),
      })
      .strict()
      .default({
        customermates: {
          secretEnv: 'CUSTOMERMATES_WEBHOOK_SECRET',
          wonEvents: ['deal.won'],
          toleranceSeconds: 300,
        },
      }),
    mapping: z
      .object({
        /**
         * The ERP's invoice state words to our payment statuses. Open invoices are then
         * refined by figures: partly paid, or overdue after the due date.
         */
        invoiceStates: z.record(z.string(), PaymentStatus).default({
          draft: 'open',
          validated: 'open',
          posted: 'open',
          paid: 'paid',
          cancelled: 'reversed',
        }),
        dunningLabels: z.record(z.string().regex(/^\d+$/), z.string()).default({
          '1': 'First reminder',
          '2': 'Second reminder',
          '3': 'Final notice',
        }),
        /** CRM deal stages that count as won. */
        wonStages: z.array(z.string()).min(1).default(['won']),
        /** CRM payment terms to the ERP's; empty: the ERP customer's own terms apply. */
        paymentTerms: z.record(z.string(), z.string().min(1)).default({}),
        /** CRM product id or SKU to ERP product id; an unmapped id is used as it is. */
        productIds: z.record(z.string(), z.string().min(1)).default({}),
        customers: CustomerMapping.prefault({}),
      })
      .strict()
      .default({
        invoiceStates: {
          draft: 'open',
          validated: 'open',
          posted: 'open',
          paid: 'paid',
          cancelled: 'reversed',
        },
        dunningLabels: { '1': 'First reminder', '2': 'Second reminder', '3': 'Final notice' },
        wonStages: ['won'],
        paymentTerms: {},
        productIds: {},
        customers: CustomerMapping.parse({}),
      }),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type LookupConfig = Config['lookup'];
export type CacheConfig = Config['cache'];
export type ConversionConfig = Config['conversion'];
export type MappingConfig = Config['mapping'];

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: string[];

  constructor(source: string, problems: string[]) {
    super(`Configuration ${source} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Lists every problem as "path: what is wrong (what to do)". */
export function formatConfigErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      return `${path}: unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} (remove or fix the spelling)`;
    }
    if (issue.code === 'invalid_union' && path.endsWith('erp')) {
      return `${path}.type: must be "sandbox" or "tryton"`;
    }
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
      return `${path}: is missing; add it (a ${issue.expected}; see config/*.example.json)`;
    }
    return `${path}: ${issue.message}`;
  });
}

export function parseConfig(raw: unknown, source = '(defaults)'): Config {
  const parsed = ConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(source, formatConfigErrors(parsed.error));
  return parsed.data;
}
