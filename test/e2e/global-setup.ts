import { resolve } from 'node:path';
import { build } from 'vite';
import { browserAvailable } from './browser.ts';

/** The browser tests run against the built widget: build it once for the whole layer. */
export default async function buildWidget(): Promise<void> {
  if (!browserAvailable()) return;

  await build({
    configFile: resolve(import.meta.dirname, '../../vite.config.ts'),
    logLevel: 'warn',
  });
}
