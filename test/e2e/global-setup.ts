import { resolve } from 'node:path';
import { build } from 'vite';
import { browserAvailable } from './browser.ts';

/** The browser tests run against the built widget: build it once for the whole layer. */
export default async function buildWidget(): Promise<void> {
  if (!browserAvailable()) return;

  // Vitest runs with NODE_ENV=test, which would make vite keep preact's debug paths: the
  // browser tests use the bundle a CRM page gets, as `npm run build` makes it.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: resolve(import.meta.dirname, '../../vite.config.ts'),
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
