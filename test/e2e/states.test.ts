import type { Page, Route } from 'playwright-core';
import { expect, it } from 'vitest';
import { screenshot, seriousViolations } from './artifacts.ts';
import { dealToken } from './dev-token.ts';
import { acmeDeal, plainPage } from './host-pages.ts';
import { describeInBrowser } from './session.ts';

type Json = Record<string, any>;

/** 14:02 in Berlin, the browser's time zone in these tests. */
const staleAsOf = '2026-01-15T13:02:00.000Z';

function markStale(fact: Json): Json {
  return fact.status === 'ok' ? { ...fact, stale: true, asOf: staleAsOf } : fact;
}

const unavailable = {
  status: 'unavailable',
  reason: 'erp_timeout',
  message: 'The ERP did not answer within 2 seconds.',
};

async function openWith(page: Page, url: string, answer: (route: Route) => Promise<void>) {
  await page.route(`${url}/api/lookup/deal`, answer);
  const address = `${url}/e2e-states.html`;
  const body = plainPage(acmeDeal, await dealToken(url, acmeDeal), 360);
  await page.route(address, (route) => route.fulfill({ contentType: 'text/html', body }));
  await page.goto(address);
}

async function rewrite(route: Route, change: (body: Json) => Json): Promise<void> {
  const response = await route.fetch();
  await route.fulfill({ response, json: change((await response.json()) as Json) });
}

describeInBrowser('the widget in each of its states', (session) => {
  it('shows a skeleton while the first answer is on its way', async () => {
    const { server, browser } = session();
    const page = await browser.context.newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await openWith(page, server.url, async (route) => {
      await held;
      await route.continue();
    });

    await page.locator('erp-lens-deal .skeleton').waitFor();
    expect(await page.locator('erp-lens-deal .lookup-status').textContent()).toBe('Looking up…');
    await screenshot(page.locator('erp-lens-deal'), 'state-loading');
    expect(await seriousViolations(page, 'state-loading')).toEqual([]);

    release();
    await page.locator('erp-lens-deal .pricing .total').waitFor();
    expect(await page.locator('erp-lens-deal .skeleton').count()).toBe(0);
    await screenshot(page.locator('erp-lens-deal'), 'state-fresh');
    expect(await seriousViolations(page, 'state-fresh')).toEqual([]);
    await page.close();
  });

  it('marks figures from an older ERP reading with their time', async () => {
    const { server, browser } = session();
    const page = await browser.context.newPage();
    await openWith(page, server.url, (route) =>
      rewrite(route, (body) => ({
        ...body,
        credit: markStale(body.credit),
        lines: body.lines.map((line: Json) => ({
          ...line,
          stock: markStale(line.stock),
          price: markStale(line.price),
        })),
      })),
    );

    await page.locator('erp-lens-deal .as-of').first().waitFor();
    const notes = await page.locator('erp-lens-deal .as-of').allTextContents();
    expect(notes.every((note) => note.includes('as of 14:02'))).toBe(true);
    await screenshot(page.locator('erp-lens-deal'), 'state-stale');
    expect(await seriousViolations(page, 'state-stale')).toEqual([]);
    await page.close();
  });

  it('says which parts the ERP could not give and keeps the rest', async () => {
    const { server, browser } = session();
    const page = await browser.context.newPage();
    await openWith(page, server.url, (route) =>
      rewrite(route, (body) => ({
        ...body,
        credit: unavailable,
        lines: body.lines.map((line: Json) => ({ ...line, stock: unavailable })),
      })),
    );

    await page.locator('erp-lens-deal .unavailable').first().waitFor();
    const text = (await page.locator('erp-lens-deal .lens').textContent()) ?? '';
    expect(text).toContain('Credit status not available.');
    expect(text).toContain('Stock not available.');
    expect(await page.locator('erp-lens-deal .pricing .total').textContent()).toMatch(/€/);
    await screenshot(page.locator('erp-lens-deal'), 'state-unavailable');
    expect(await seriousViolations(page, 'state-unavailable')).toEqual([]);
    await page.close();
  });

  it('offers a retry after an error and shows the figures once it succeeds', async () => {
    const { server, browser } = session();
    const page = await browser.context.newPage();
    let failing = true;
    await openWith(page, server.url, async (route) => {
      if (!failing) return route.continue();
      await route.fulfill({
        status: 503,
        json: {
          error: { code: 'erp_unavailable', message: 'The ERP is down.', retryable: true },
        },
      });
    });

    const retry = page.locator('erp-lens-deal .lookup-status button');
    await retry.waitFor();
    expect(await page.locator('erp-lens-deal .lookup-status').textContent()).toContain(
      'The ERP is not answering right now.',
    );
    await screenshot(page.locator('erp-lens-deal'), 'state-error');
    expect(await seriousViolations(page, 'state-error')).toEqual([]);

    failing = false;
    await retry.press('Enter');
    await page.locator('erp-lens-deal .pricing .total').waitFor();
    expect(await retry.count()).toBe(0);
    await page.close();
  });
});
