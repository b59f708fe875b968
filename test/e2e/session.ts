import { afterAll, beforeAll, describe } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from './browser.ts';
import { startErpLensServer, type ErpLensServer } from './erp-lens-server.ts';

export interface SessionOptions {
  /** Runs before the server starts; the origins it returns go into auth.allowedOrigins. */
  allowedOrigins?: () => Promise<string[]>;
}

export interface Session {
  server: ErpLensServer;
  browser: Browser;
}

/**
 * A describe block with its own server (fresh sandbox) and browser, or skipped with a
 * printed reason when this machine has no Chromium (see browserAvailable).
 */
export function describeInBrowser(
  name: string,
  body: (session: () => Session) => void,
  options: SessionOptions = {},
): void {
  const available = browserAvailable();

  describe.skipIf(!available)(name, () => {
    let session: Session | null = null;

    beforeAll(async () => {
      const allowedOrigins = (await options.allowedOrigins?.()) ?? [];
      const server = await startErpLensServer({ allowedOrigins });
      try {
        session = { server, browser: await launchBrowser() };
      } catch (error) {
        await server.stop();
        throw error;
      }
    });

    afterAll(async () => {
      try {
        await session?.browser.close();
      } finally {
        await session?.server.stop();
      }
    });

    body(() => {
      if (!session) throw new Error('the browser session did not start');
      return session;
    });
  });
}
