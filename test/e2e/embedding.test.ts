import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot, seriousViolations } from './artifacts.ts';
import { dealToken, mintToken } from './dev-token.ts';
import { accountPage, acmeDeal, hostilePage, plainPage, umbrellaDeal } from './host-pages.ts';
import { describeInBrowser } from './session.ts';

/** Serves `html` at a path of the server's own origin, so the page and the API share it. */
async function openHostPage(page: Page, url: string, html: string): Promise<void> {
  const address = `${url}/e2e-host.html`;
  await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(address);
}

function style(page: Page, selector: string, property: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element, name) => {
      return getComputedStyle(element).getPropertyValue(name);
    }, property);
}

describeInBrowser('the custom element on a host page', (session) => {
  it('renders as designed inside a host page whose CSS tries to restyle everything', async () => {
    const { server, browser } = session();
    const page = await browser.context.newPage();
    const lookups: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/lookup/deal')) lookups.push(request.headers().authorization);
    });
    const token = await dealToken(server.url, umbrellaDeal);
    await openHostPage(page, server.url, hostilePage(umbrellaDeal, token));

    await page.locator('erp-lens-deal .pricing .total').waitFor();
    expect(await style(page, 'erp-lens-deal .panel', 'display')).toBe('block');
    expect(await style(page, 'erp-lens-deal h1', 'font-family')).not.toContain('Comic');
    expect(await style(page, 'erp-lens-deal h1', 'color')).toBe('rgb(29, 35, 48)');
    expect(await style(page, 'erp-lens-deal h1', 'text-transform')).toBe('none');
    expect(await style(page, 'erp-lens-deal .figure', 'letter-spacing')).toBe('normal');
    expect(await style(page, 'erp-lens-deal button.primary', 'background-color')).toBe(
      'rgb(106, 27, 154)',
    );
    expect(await page.locator('erp-lens-deal .pricing .total').textContent()).toMatch(/^\$/);

    expect(await style(page, '#host-badge', 'border-radius')).toBe('0px');
    expect(await style(page, '#host-badge', 'font-weight')).toBe('400');
    expect(lookups[0]).toBe(`Bearer ${token}`);

    // The host's own magenta-on-yellow is its business; the widget's part must pass.
    await screenshot(page, 'hostile-host');
    expect(await seriousViolations(page, 'hostile-host', 'erp-lens-deal')).toEqual([]);

    await page.locator('erp-lens-deal button.primary').click();
    await page.locator('erp-lens-deal .order-number').waitFor({ timeout: 10_000 });
    const events = await page.evaluate(() => (window as unknown as { events: unknown[][] }).events);
    const converted = events.find(([name]) => name === 'converted');
    expect(converted?.[1]).toMatchObject({ dealId: 'D-1004', orderNumber: expect.any(String) });
    expect(events.some(([name]) => name === 'lookup')).toBe(true);
    await page.close();
  });

  it('fits a 300-pixel sidebar without scrolling sideways', async () => {
    const { server, browser } = session();
    const page = await browser.context.newPage();
    await openHostPage(
      page,
      server.url,
      plainPage(acmeDeal, await dealToken(server.url, acmeDeal), 300),
    );

    await page.locator('erp-lens-deal .pricing .total').waitFor();
    const overflow = await page.locator('erp-lens-deal').evaluate((element) => {
      const root = element.shadowRoot!.querySelector('.root')!;
      return root.scrollWidth - root.clientWidth;
    });
    await screenshot(page.locator('erp-lens-deal'), 'narrow-300');
    expect(overflow).toBeLessThanOrEqual(0);

    expect(await seriousViolations(page, 'narrow-300')).toEqual([]);
    await page.close();
  });

  for (const locale of ['en-US', 'de-DE']) {
    it(`fits the account panel's invoices into a 300-pixel sidebar in ${locale}`, async () => {
      const { server, browser } = session();
      const page = await browser.context.newPage();
      const token = await mintToken(server.url, { customer: 'C-1001', scope: 'lookup' });
      await openHostPage(page, server.url, accountPage('C-1001', token, 300, locale));

      const lens = page.locator('erp-lens-account');
      await lens.locator('table.invoices tbody tr').first().waitFor();
      const overflow = await lens.evaluate((element) => {
        const root = element.shadowRoot!.querySelector('.root')!;
        const scroller = element.shadowRoot!.querySelector('.table-scroll')!;
        return Math.max(
          root.scrollWidth - root.clientWidth,
          scroller.scrollWidth - scroller.clientWidth,
        );
      });
      await screenshot(lens, `account-narrow-300-${locale}`);
      expect(overflow).toBeLessThanOrEqual(0);

      // The last two figures of a card, Open and Payment status, are inside the panel.
      const panel = (await lens.locator('.payments').boundingBox())!;
      const status = (await lens
        .locator('table.invoices tbody td:last-child')
        .first()
        .boundingBox())!;
      expect(status.x + status.width).toBeLessThanOrEqual(panel.x + panel.width);
      expect(await seriousViolations(page, `account-narrow-300-${locale}`)).toEqual([]);
      await page.close();
    });
  }

  it('sets credit and availability side by side in a wide layout', async () => {
    const { server, browser } = session();
    const page = await browser.context.newPage();
    await openHostPage(
      page,
      server.url,
      plainPage(acmeDeal, await dealToken(server.url, acmeDeal), 760),
    );

    await page.locator('erp-lens-deal .pricing .total').waitFor();
    const credit = await page.locator('erp-lens-deal .credit').boundingBox();
    const availability = await page.locator('erp-lens-deal .availability').boundingBox();
    expect(availability!.x).toBeGreaterThan(credit!.x);
    expect(availability!.y).toBe(credit!.y);

    await screenshot(page.locator('erp-lens-deal'), 'wide-760');
    expect(await seriousViolations(page, 'wide-760')).toEqual([]);
    await page.close();
  });
});
