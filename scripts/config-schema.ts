import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigSchema } from '../server/config.ts';

/**
 * Writes config/erp-lens.schema.json from the zod schema, so editors can complete and check
 * the config file. The input side: keys with defaults are optional, as in the file.
 * Run by `npm run config:schema`; a unit test fails when the checked-in copy is stale.
 */

export const schemaPath = fileURLToPath(new URL('../config/erp-lens.schema.json', import.meta.url));

export function renderConfigSchema(): string {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'ERP Lens configuration' }, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaPath, renderConfigSchema());
  process.stdout.write(`Wrote ${schemaPath}\n`);
}
