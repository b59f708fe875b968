import type { Frame, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { screenshot, seriousViolations } from './artifacts.ts';
import { dealToken } from './dev-token.ts';
import { embeddingPage, listeningPage } from './frame-pages.ts';
import { umbrellaDeal } from './host-pages.ts';
import { startHostServer, type HostServer } from './host-server.ts';
import { describeInBrowser } from './session.ts';

const globexDeal = {
  id: 'D-1002',
  customerId: 'C-1002',
  currency: 'EUR',
  stage: 'won',
  lines: [{ lineId: 'l1', productId: 'P-1002', quantity: '15' }],
};

function received(target: Page | Frame): Promise<{ type: string; [key: string]: unknown }[]> {
  return target.evaluate(() => (window as unknown as { received: never[] }).received);
}

let crm: HostServer;
let other: HostServer;
let stranger: HostServer;
const crmPages: Record<string, string> = {};
const otherPages: Record<string, string> = { '/app.html': listeningPage };
const strangerPages: Record<string, string> = {};

/**
 * Three origins of our own: the CRM, allowed by the server and named in the frame's
 * `parents`; another app the server allows but the frame's `parents` does not name; and a
 * stranger the server does not allow, whose page the browser must refuse to frame at all.
 */
async function startHosts(): Promise<string[]> {
  crm = await startHostServer(crmPages);
  other = await startHostServer(otherPages);
  stranger = await startHostServer(strangerPages);
  return [crm.origin, other.origin];
}

describeInBrowser(
  'the iframe page and its postMessage bridge',
  (session) => {
    afterAll(async () => {
      await crm?.stop();
      await other?.stop();
      await stranger?.stop();
    });

    function frameUrl(parents: string): string {
      return `${session().server.url}/frame.html?parents=${encodeURIComponent(parents)}&locale=en-US`;
    }

    async function open(host: HostServer, path: string, html: string): Promise<Page> {
      const pages = host === crm ? crmPages : host === other ? otherPages : strangerPages;
      pages[path] = html;
      const page = await session().browser.context.newPage();
      await page.goto(`${host.origin}${path}`);
      return page;
    }

    it('shows the deal an allowed CRM sends, reports its height and the conversion', async () => {
      const token = await dealToken(session().server.url, umbrellaDeal);
      const page = await open(
        crm,
        '/deal.html',
        embeddingPage(frameUrl(crm.origin), umbrellaDeal, token),
      );
      const lens = page.frameLocator('#lens');

      await lens.locator('erp-lens-deal .pricing .total').waitFor();
      await expect
        .poll(async () => (await received(page)).some((m) => m.type === 'erp-lens:height'))
        .toBe(true);
      const heights = (await received(page)).filter((m) => m.type === 'erp-lens:height');
      for (const { height } of heights) {
        expect(height).toBeGreaterThanOrEqual(100);
        expect(height).toBeLessThanOrEqual(750);
      }
      expect(heights.at(-1)?.height).toBeGreaterThan(300);

      const frame = page.frame({ url: /frame\.html/ })!;
      await screenshot(page, 'iframe-embedded');
      expect(await seriousViolations(frame, 'iframe-embedded')).toEqual([]);

      await lens.locator('erp-lens-deal button.primary').press('Enter');
      await expect
        .poll(async () => (await received(page)).find((m) => m.type === 'erp-lens:converted'), {
          timeout: 10_000,
        })
        .toMatchObject({ dealId: 'D-1004', orderNumber: expect.any(String) });
      await page.close();
    });

    it('ignores a message from a foreign origin on the same page', async () => {
      const appUrl = `${other.origin}/app.html`;
      const page = await open(
        crm,
        '/with-intruder.html',
        embeddingPage(
          frameUrl(crm.origin),
          umbrellaDeal,
          await dealToken(session().server.url, umbrellaDeal),
          appUrl,
        ),
      );
      const warnings: string[] = [];
      page.on('console', (message) => warnings.push(message.text()));
      const lens = page.frameLocator('#lens');
      await lens.locator('erp-lens-deal .pricing .total').waitFor();

      const intruder = page.frame({ url: appUrl })!;
      await intruder.evaluate((deal) => {
        window.parent.frames[0]!.postMessage({ type: 'erp-lens:deal', deal }, '*');
      }, globexDeal);

      await expect
        .poll(() => warnings.join('\n'))
        .toContain(`ignored a message from ${other.origin}`);
      expect(await lens.locator('erp-lens-deal h1').textContent()).toBe('Umbrella Supplies Ltd');
      expect(await received(intruder)).toEqual([]);
      await page.close();
    });

    it('refuses to work for a page that is not on its list', async () => {
      const token = await dealToken(session().server.url, globexDeal);
      const page = await open(
        other,
        '/foreign.html',
        embeddingPage(frameUrl(crm.origin), globexDeal, token),
      );
      const lens = page.frameLocator('#lens');

      await lens.locator('#frame-note', { hasText: 'may not be embedded' }).waitFor();
      expect(await lens.locator('erp-lens-deal').count()).toBe(0);
      expect(await received(page)).toEqual([]);
      await screenshot(page, 'iframe-foreign-origin');
      await page.close();
    });

    it('is not framed at all by a page whose origin the server does not allow', async () => {
      const token = await dealToken(session().server.url, globexDeal);
      const page = await open(
        stranger,
        '/stranger.html',
        embeddingPage(frameUrl(stranger.origin), globexDeal, token),
      );

      // frame-ancestors: Chromium replaces the refused frame with its own error page.
      await expect
        .poll(() => page.frames().some((f) => f.url().startsWith('chrome-error:')))
        .toBe(true);
      expect(await page.frameLocator('#lens').locator('erp-lens-deal').count()).toBe(0);
      expect(await received(page)).toEqual([]);
      await page.close();
    });
  },
  { allowedOrigins: startHosts },
);
