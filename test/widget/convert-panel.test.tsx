import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../widget/api.ts';
import { ConvertPanel } from '../../widget/components/convert-panel.tsx';
import { LocaleContext } from '../../widget/components/locale.ts';
import { conversion, envelope, json, preflight } from './fixtures.ts';
import { clockTime, renderInEnglish } from './render.tsx';

const notFound = () => json(envelope('not_found', 'No conversion for this deal.', false), 404);

type Answer = (init: RequestInit | undefined) => Response | Promise<Response>;

let fetchStub: ReturnType<typeof vi.fn<typeof fetch>>;

/** Answers by route: the conversion record, the pre-flight check and the convert request. */
function serve(routes: { conversion?: Answer; preflight?: Answer; convert?: Answer }) {
  fetchStub.mockImplementation(async (url, init) => {
    const path = String(url);
    if (path.endsWith('/preflight')) return (routes.preflight ?? (() => json(preflight())))(init);
    if (path.endsWith('/convert')) return (routes.convert ?? (() => json(conversion())))(init);
    return (routes.conversion ?? notFound)(init);
  });
}

function posts(): unknown[] {
  return fetchStub.mock.calls
    .filter(([url, init]) => String(url).endsWith('/convert') && init?.method === 'POST')
    .map(([, init]) => JSON.parse(String(init?.body)));
}

beforeEach(() => {
  fetchStub = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchStub);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function convertButton() {
  return screen.getByRole('button', { name: /Convert to ERP order|Converting|Try again/ });
}

async function enabledButton() {
  await waitFor(() => expect(convertButton()).toHaveProperty('disabled', false));
  return convertButton();
}

const drift = {
  ok: true,
  warnings: [
    {
      code: 'price_drift',
      lineId: 'L1',
      message: 'Hex bolt M8: the deal says 90.00, the ERP 95.00 now.',
    },
    { code: 'short_stock', lineId: 'L2', message: 'Hex nut M8: 15 more than the 25 available.' },
  ],
  lines: [
    {
      ...preflight().lines[0]!,
      erpPrice: { amount: '95.00', currency: 'EUR' },
      driftPercent: '5.26',
    },
    preflight().lines[1]!,
  ],
  dunningLevel: 2,
};

describe('ConvertPanel', () => {
  it('keeps the button disabled unless the deal is won', async () => {
    serve({});
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="open" />);

    expect(convertButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('Available once the deal is won.')).toBeTruthy();
  });

  it('shows a clean pre-flight check with the credit left after the order', async () => {
    serve({});
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    await screen.findByText('Prices, stock and credit are in order.');
    expect(
      screen.getByText(/Credit left after this order: €7,275.00 of a €10,000.00 limit/),
    ).toBeTruthy();
    expect(await enabledButton()).toBeTruthy();
    expect(String(fetchStub.mock.calls.find(([u]) => String(u).endsWith('/preflight'))![0])).toBe(
      '/api/deals/D-TEST-1/preflight',
    );
  });

  it('names blocking issues in words and keeps the button disabled', async () => {
    serve({
      preflight: () =>
        json(
          preflight({
            ok: false,
            blocking: [
              { code: 'customer_blocked', message: 'Kessler is blocked: unpaid invoices.' },
            ],
            blocked: true,
            dunningLevel: 3,
          }),
        ),
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    await screen.findByText('This deal cannot become an order yet:');
    const text = document.body.textContent ?? '';
    expect(text).toContain('Customer blocked: Kessler is blocked: unpaid invoices.');
    expect(text).toContain('The customer is blocked in the ERP.');
    expect(text).toContain('Open invoices at dunning level 3.');
    expect(convertButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('Resolve the issues above first.')).toBeTruthy();
    expect(convertButton().getAttribute('aria-describedby')).toBe('convert-note');
  });

  it('shows price drift and shortfall in figures and needs a reason of three characters', async () => {
    serve({ preflight: () => json(preflight(drift)) });
    renderInEnglish(
      <ConvertPanel
        api={createApi()}
        dealId="D-TEST-1"
        stage="won"
        lineNames={{ L1: 'Hex bolt M8', L2: 'Hex nut M8' }}
      />,
    );

    await screen.findByText('Check these before converting:');
    const text = document.body.textContent ?? '';
    expect(text).toContain(
      'Price changed: Hex bolt M8: deal price €90.00, ERP price now €95.00 (5.26 % apart)',
    );
    expect(text).toContain(
      'Short stock: Hex nut M8: 40 wanted, 25 available in all warehouses (15 short)',
    );
    expect(text).toContain('Open invoices at dunning level 2.');
    expect(convertButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('Give a reason to convert despite the warnings.')).toBeTruthy();

    const reason = screen.getByLabelText('Reason for converting despite the warnings');
    fireEvent.input(reason, { target: { value: 'ok' } });
    expect(convertButton()).toHaveProperty('disabled', true);
    fireEvent.input(reason, { target: { value: 'Price agreed with the buyer in May' } });
    expect(convertButton()).toHaveProperty('disabled', false);
  });

  it('sends the override with its reason and shows the order number', async () => {
    serve({ preflight: () => json(preflight(drift)) });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    const reason = await screen.findByLabelText('Reason for converting despite the warnings');
    fireEvent.input(reason, { target: { value: '  Price agreed in May  ' } });
    fireEvent.click(convertButton());

    await screen.findByText('SO-0077');
    expect(posts()).toEqual([{ override: { reason: 'Price agreed in May' } }]);
  });

  it('shows the pre-flight check the server refused with, then converts with a reason', async () => {
    let first = true;
    serve({
      preflight: () => json(preflight()),
      convert: () => {
        if (!first) return json(conversion());
        first = false;
        const refused = envelope(
          'override_required',
          'Check before converting: prices moved.',
          false,
        );
        const details = {
          preflight: preflight(drift),
          conversion: conversion({ state: 'failed', orderNumber: null }).conversion,
        };
        return json({ error: { ...refused.error, details } }, 409);
      },
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    fireEvent.click(await enabledButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'The deal has warnings. Give a reason to convert it anyway.',
    );
    const reason = await screen.findByLabelText('Reason for converting despite the warnings');
    fireEvent.input(reason, { target: { value: 'Agreed with finance' } });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    await screen.findByText('SO-0077');
    expect(posts()).toEqual([{}, { override: { reason: 'Agreed with finance' }, retry: true }]);
  });

  it('lists each step as the server records it, the current one marked', async () => {
    let release: (response: Response) => void = () => {};
    const held = new Promise<Response>((resolve) => (release = resolve));
    const steps = ['received', 'validated', 'order_created'] as const;
    let polls = -1;
    serve({
      convert: () => held,
      conversion: () => {
        polls += 1;
        if (polls === 0) return notFound();
        return json(
          conversion({ state: steps[Math.min(polls - 1, steps.length - 1)], orderNumber: null }),
        );
      },
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" pollMs={5} />);

    fireEvent.click(await enabledButton());

    const list = await screen.findByRole('list', { name: 'Conversion progress' });
    expect(list.tagName).toBe('OL');
    expect(list.closest('[aria-live="polite"]')).not.toBeNull();
    await waitFor(() => {
      const current = list.querySelector('[aria-current="step"]');
      expect(current?.textContent).toContain('Confirmed the order');
    });
    const marks = [...list.querySelectorAll('li')].map((li) => li.textContent);
    expect(marks[0]).toContain('Received (done)');
    expect(marks[3]).toContain('Created the order (done)');
    expect(marks[4]).toContain('Confirmed the order (in progress)');
    expect(marks[6]).toContain('Done (to do)');

    release(json(conversion()));
    await screen.findByText('SO-0077');
  });

  it('says when the ERP is busy and when it retries, and polls until the order exists', async () => {
    const nextAttemptAt = '2026-01-15T13:05:00.000Z';
    let retried = false;
    serve({
      convert: () =>
        json(
          conversion({
            state: 'customer_resolved',
            status: 'retrying',
            orderNumber: null,
            nextAttemptAt,
            error: { code: 'erp_unavailable', message: 'Tryton answered 503.', retryable: true },
          }),
          202,
        ),
      conversion: () => (retried ? json(conversion()) : notFound()),
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" pollMs={5} />);

    fireEvent.click(await enabledButton());

    await screen.findByText(
      `The ERP is busy; retrying automatically at ${clockTime(nextAttemptAt)}.`,
    );
    const current = screen
      .getByRole('list', { name: 'Conversion progress' })
      .querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain('Created the order');
    expect(convertButton()).toHaveProperty('disabled', true);

    retried = true;
    await screen.findByText('SO-0077', {}, { timeout: 3000 });
  });

  it('explains a dead conversion in words a rep understands and retries with retry: true', async () => {
    let attempts = 0;
    serve({
      convert: () => {
        attempts += 1;
        if (attempts > 1) return json(conversion());
        const dead = conversion({
          state: 'failed',
          status: 'dead',
          orderNumber: 'SO-0077',
          error: { code: 'erp_unavailable', message: 'Tryton timed out 5 times.', retryable: true },
        });
        const body = envelope('erp_unavailable', 'Tryton timed out 5 times.', true);
        return json({ error: { ...body.error, details: dead } }, 503);
      },
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    fireEvent.click(await enabledButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The ERP is not answering right now.');
    expect(alert.textContent).toContain('Tryton timed out 5 times.');
    expect(alert.textContent).toContain('ERP order SO-0077 exists but is not confirmed');

    fireEvent.click(await waitFor(() => screen.getByRole('button', { name: 'Try again' })));
    await screen.findByText('SO-0077', { selector: '.order-number' });
    expect(posts()).toEqual([{}, { retry: true }]);
  });

  it('shows a dead conversion it finds on load with a Try again', async () => {
    const error = { code: 'rate_limited', message: 'Slow down.', retryable: true };
    serve({
      conversion: () =>
        json(conversion({ state: 'failed', status: 'dead', orderNumber: null, error })),
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many requests in a short time.');
    expect(await enabledButton()).toHaveProperty('textContent', 'Try again');
  });

  it('shows an order number the deal already has when it loads', async () => {
    serve({ conversion: () => json(conversion({ orderNumber: 'SO-0001' })) });
    const onConverted = vi.fn();
    renderInEnglish(
      <ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" onConverted={onConverted} />,
    );

    await screen.findByText('SO-0001');
    expect(onConverted).not.toHaveBeenCalled();
  });

  it('reports the order number once, to onConverted', async () => {
    serve({});
    const onConverted = vi.fn();
    renderInEnglish(
      <ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" onConverted={onConverted} />,
    );

    fireEvent.click(await enabledButton());

    await screen.findByText('SO-0077');
    expect(onConverted).toHaveBeenCalledOnce();
    expect(onConverted).toHaveBeenCalledWith('SO-0077');
  });

  it('forgets a refusal recorded while the deal was not won yet', async () => {
    const error = { code: 'deal_not_won', message: 'Deal is open.', retryable: false };
    serve({
      conversion: () =>
        json(conversion({ state: 'failed', orderId: null, orderNumber: null, error })),
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    await enabledButton();
    await new Promise((settle) => setTimeout(settle, 20));

    expect(screen.queryByRole('alert')).toBeNull();
    expect(convertButton().textContent).toBe('Convert to ERP order');
  });

  it('says the server cannot be reached when the network fails', async () => {
    serve({
      convert: () => {
        throw new TypeError('fetch failed');
      },
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    fireEvent.click(await enabledButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ERP Lens cannot reach its server');
  });

  it('blocks converting when the check answers an error, with its message and a retry', async () => {
    let known = false;
    serve({
      preflight: () =>
        known
          ? json(preflight())
          : json(envelope('unknown_customer', 'The ERP has no customer "C-GONE".', false), 404),
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The deal could not be checked:');
    expect(alert.textContent).toContain('The ERP does not know this customer.');
    expect(alert.textContent).toContain('The ERP has no customer "C-GONE".');
    expect(convertButton()).toHaveProperty('disabled', true);
    expect(screen.getByText(/once the check has passed/)).toBeTruthy();

    known = true;
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await enabledButton()).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for no conversion record while the deal is not won', async () => {
    serve({});
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="open" />);
    await new Promise((settle) => setTimeout(settle, 20));

    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('speaks German: warnings, reason and progress', async () => {
    serve({ preflight: () => json(preflight(drift)) });
    render(
      <LocaleContext.Provider value="de-DE">
        <ConvertPanel
          api={createApi()}
          dealId="D-TEST-1"
          stage="won"
          lineNames={{ L1: 'Sechskantschraube' }}
        />
      </LocaleContext.Provider>,
    );

    await screen.findByText('Prüfen Sie vor dem Umwandeln:');
    const text = document.body.textContent ?? '';
    expect(text).toMatch(
      /Sechskantschraube: Deal-Preis 90,00\s€, ERP-Preis jetzt 95,00\s€ \(5,26 % Abweichung\)/,
    );
    expect(screen.getByLabelText('Begründung für das Umwandeln trotz der Hinweise')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'In ERP-Auftrag umwandeln' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});
