import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot, seriousViolations } from './artifacts.ts';
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
    await expect.poll(() => page.locator(drillPrice).textContent(), { timeout: 5000 }).toBe('€224.10');

    await quantity.fill('10');
    await expect.poll(() => page.locator(drillPrice).textContent(), { timeout: 5000 }).toBe('€211.65');
    await screenshot(page.locator('erp-lens-deal'), 'tier-crossed');
  });

  it('formats figures with a decimal comma in German', async () => {
    await page.getByLabel('Widget language').selectOption('de-DE');

    // Intl puts a no-break space between the figure and the euro sign.
    await expect.poll(() => page.locator(drillPrice).textContent(), { timeout: 5000 }).toMatch(/^211,65\s€$/);
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

  it('converts a won deal by keyboard and shows the order number', async () => {
    const { server } = session();
    await openDeal(page, server.url, 'D-1003');

    const button = page.locator('erp-lens-deal button.primary');
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.focus();
    await page.keyboard.press('Enter');

    const order = page.locator('erp-lens-deal .order-number');
    await order.waitFor({ timeout: 10_000 });
    const orderNumber = (await order.textContent()) ?? '';
    expect(orderNumber).toMatch(/\S/);
    await expect.poll(() => page.locator('.editor .order-number').textContent(), { timeout: 5000 }).toContain(orderNumber);
    await screenshot(page, 'converted');
    expect(await seriousViolations(page, 'converted')).toEqual([]);

    await page.reload();
    await page.locator('erp-lens-deal .order-number', { hasText: orderNumber }).waitFor();
    expect(await page.locator('.editor .order-number').textContent()).toContain(orderNumber);
    await screenshot(page, 'converted-after-reload');
  });
});
