/**
 * Configuration of the Tryton adapter, validated once at start-up. The password comes from the
 * environment (a secret), everything else from the config file.
 */
import { z } from 'zod';

export const TrytonConfig = z
  .object({
    /** Server root without the database, e.g. `http://127.0.0.1:8000`. */
    url: z.url({ message: 'url: the Tryton server root, e.g. "http://127.0.0.1:8000"' }),
    database: z.string().min(1, 'database: the Tryton database name, e.g. "erplens"'),
    username: z.string().min(1, 'username: the Tryton API user, e.g. "erplens"'),
    password: z.string().min(1, 'password: set TRYTON_PASSWORD'),
    /**
     * Warehouses to report stock for, as Tryton location ids or codes ("BER"); the first one is
     * where orders ship from. Omitted: every warehouse, orders from the first by id.
     */
    warehouses: z.array(z.string().min(1)).min(1).optional(),
    /** Per request to Tryton, login included. */
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
    language: z.string().min(2).default('en'),
  })
  .strict();

export type TrytonConfig = z.infer<typeof TrytonConfig>;
export type TrytonConfigInput = z.input<typeof TrytonConfig>;
