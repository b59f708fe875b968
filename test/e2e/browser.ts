import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium; no browser is ever downloaded. */
export const chromiumPath = process.env.ERP_LENS_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Whether this run can drive a browser. Locally a missing chromium skips the layer with a
 * line that says how to enable it; with CI=true it fails, since CI must run every layer.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;

  const how =
    `e2e: no Chromium at ${chromiumPath}; install it with ` +
    '`apt-get install -y --no-install-recommends chromium` (or set ERP_LENS_CHROMIUM)';
  if (process.env.CI === 'true') throw new Error(`${how}. CI requires the browser layer.`);
  console.log(`${how}. Skipping the browser tests.`);
  return false;
}

/** Flags for a closed network: nothing phones home, nothing updates itself. */
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** A headless Chromium with a fresh profile, removed again on close. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'erp-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 900 },
  });

  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
