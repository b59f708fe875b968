import type { Page, Response } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot, seriousViolations } from './artifacts.ts';
import { driftFirstLine } from './drifted-deal.ts';
import { describeInBrowser } from './session.ts';

async function openDeal(page: Page, url: string, dealId: string): Promise<void> {
  await page.goto(`${url}/?deal=${dealId}`);
  await page.locator('#editor-title', { hasText: dealId }).waitFor();
}

const drillPrice = 'erp-lens-deal tbody tr:first-child .unit-price';

describeInBrowser('the playground in Chromium', (session) => {
  let page: Page;

  it('opens the playground and shows stock per warehouse for every line', async () => {
    const { server, browser } = session();
    page = await browser.context.newPage();
    await openDeal(page, server.url, 'D-1001');

    const lens = page.locator('erp-lens-deal');
    await lens.locator('.availability .line').first().waitFor();
    const lines = lens.locator('.availability .line');
    expect(await lines.count()).toBe(3);
    const warehouses = await lines.first().locator('.warehouses li').allTextContents();
    expect(warehouses.length).toBeGreaterThanOrEqual(2);
    expect(warehouses.every((text) => /available/.test(text))).toBe(true);

    await screenshot(page, 'playground-fresh');
    expect(await seriousViolations(page, 'playground-fresh')).toEqual([]);
  });

  it('changes the unit price when the quantity crosses the 10-piece tier', async () => {
    const quantity = page.locator('#quantity-l1');

    await quantity.fill('9');
    await expect
      .poll(() => page.locator(drillPrice).textContent(), { timeout: 5000 })
      .toBe('€224.10');

    await quantity.fill('10');
    await expect
      .poll(() => page.locator(drillPrice).textContent(), { timeout: 5000 })
      .toBe('€211.65');
    await screenshot(page.locator('erp-lens-deal'), 'tier-crossed');
  });

  it('formats figures with a decimal comma in German', async () => {
    await page.getByLabel('Widget language').selectOption('de-DE');

    // Intl puts a no-break space between the figure and the euro sign.
    await expect
      .poll(() => page.locator(drillPrice).textContent(), { timeout: 5000 })
      .toMatch(/^211,65\s€$/);
    await page.locator('erp-lens-deal h2', { hasText: 'Verfügbarkeit' }).waitFor();
    await screenshot(page, 'german');
    expect(await seriousViolations(page, 'german')).toEqual([]);

    await page.getByLabel('Widget language').selectOption('en-US');
  });

  it('shows the credit banner for a customer over the credit limit', async () => {
    await page.getByRole('button', { name: /Globex/ }).click();

    const banner = page.locator('erp-lens-deal .credit.alarm');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('This deal exceeds the credit limit');
    await screenshot(page, 'credit-over-limit');
    expect(await seriousViolations(page, 'credit-over-limit')).toEqual([]);
  });

  it("switches deals without a request in the previous deal's name", async () => {
    const refused: string[] = [];
    const conversions: string[] = [];
    const watch = (response: Response) => {
      if (response.status() === 403) refused.push(response.url());
      if (response.url().endsWith('/conversion')) conversions.push(response.url());
    };
    page.on('response', watch);

    for (const name of [/ACME: cordless/, /Globex: store refit/, /ACME: cordless/]) {
      await page.getByRole('button', { name }).click();
      await page.locator('erp-lens-deal .pricing .total').waitFor();
      await page.locator('erp-lens-account .payments').waitFor();
    }
    await page.waitForTimeout(500);
    page.off('response', watch);

    expect(refused).toEqual([]);
    // Only the won deal can have a conversion to ask about.
    expect(conversions.every((url) => url.includes('/D-1002/'))).toBe(true);
  });

  it('warns of a price drift before converting, needs a reason, shows each step and the order number', async () => {
    const { server } = session();
    await driftFirstLine(server.url, 'D-1003');
    await openDeal(page, server.url, 'D-1003');

    const lens = page.locator('erp-lens-deal');
    const drift = lens.locator('.issue-price_drift');
    await drift.waitFor({ timeout: 10_000 });
    expect(await drift.textContent()).toMatch(
      /deal price €[\d.,]+, ERP price now €[\d.,]+ \([\d.]+ % apart\)/,
    );
    const button = lens.locator('button.primary');
    expect(await button.isDisabled()).toBe(true);
    expect(await lens.locator('#convert-note').textContent()).toContain('Give a reason');
    await screenshot(page.locator('erp-lens-deal'), 'convert-preflight');
    expect(await seriousViolations(page, 'convert-preflight')).toEqual([]);

    // Held in the browser until the progress list has been looked at.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(`${server.url}/api/deals/D-1003/convert`, async (route) => {
      await released;
      await route.continue();
    });
    const posted = page.waitForRequest(`${server.url}/api/deals/D-1003/convert`);

    await lens
      .getByLabel('Reason for converting despite the warnings')
      .fill('Price agreed with the buyer in May');
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.focus();
    await page.keyboard.press('Enter');

    expect((await posted).postDataJSON()).toEqual({
      override: { reason: 'Price agreed with the buyer in May' },
    });
    const steps = lens.locator('ol.steps');
    await steps.locator('[aria-current="step"]').waitFor();
    expect(await steps.locator('li').count()).toBe(7);
    await screenshot(page.locator('erp-lens-deal'), 'convert-progress');
    expect(await seriousViolations(page, 'convert-progress')).toEqual([]);
    release();

    const order = lens.locator('.order-number');
    await order.waitFor({ timeout: 10_000 });
    const orderNumber = (await order.textContent()) ?? '';
    expect(orderNumber).toMatch(/\S/);
    await expect
      .poll(() => page.locator('.editor .order-number').textContent(), { timeout: 5000 })
      .toContain(orderNumber);
    await screenshot(page, 'converted');
    expect(await seriousViolations(page, 'converted')).toEqual([]);
    await page.unroute(`${server.url}/api/deals/D-1003/convert`);

    await page.reload();
    await page.locator('erp-lens-deal .order-number', { hasText: orderNumber }).waitFor();
    expect(await page.locator('.editor .order-number').textContent()).toContain(orderNumber);
    await screenshot(page, 'converted-after-reload');
  });
});
