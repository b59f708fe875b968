import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../widget/api.ts';
import { ConvertPanel } from '../../widget/components/convert-panel.tsx';
import { conversion, envelope, json } from './fixtures.ts';
import { renderInEnglish } from './render.tsx';

const notFound = () => json(envelope('not_found', 'No conversion for this deal.', false), 404);

let fetchStub: ReturnType<typeof vi.fn<typeof fetch>>;

beforeEach(() => {
  fetchStub = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchStub);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function convertButton() {
  return screen.getByRole('button', { name: /Convert to ERP order|Converting/ });
}

describe('ConvertPanel', () => {
  it('keeps the button disabled unless the deal is won', async () => {
    fetchStub.mockImplementation(async () => notFound());
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="open" />);

    expect(convertButton()).toHaveProperty('disabled', true);
    expect(screen.getByText('Available once the deal is won.')).toBeTruthy();
  });

  it('shows the order number once the conversion is done', async () => {
    fetchStub.mockImplementation(async (_url, init) => {
      return init?.method === 'POST' ? json(conversion()) : notFound();
    });
    const onConverted = vi.fn();
    renderInEnglish(
      <ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" onConverted={onConverted} />,
    );

    expect(convertButton()).toHaveProperty('disabled', false);
    fireEvent.click(convertButton());

    await screen.findByText('SO-0077');
    expect(onConverted).toHaveBeenCalledWith('SO-0077');
    const [url, init] = fetchStub.mock.calls.at(-1)!;
    expect(url).toBe('/api/deals/D-TEST-1/convert');
    expect(init?.method).toBe('POST');
  });

  it('follows a conversion the server is still working on', async () => {
    let polls = 0;
    fetchStub.mockImplementation(async (_url, init) => {
      const working = conversion({ state: 'order_created', orderNumber: null });
      if (init?.method === 'POST') return json(working);
      polls += 1;
      return polls === 1 ? notFound() : json(conversion());
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" pollMs={5} />);

    fireEvent.click(convertButton());

    await screen.findByText('Created the order…');
    await screen.findByText('SO-0077');
  });

  it('shows an order number the deal already has when it loads', async () => {
    fetchStub.mockImplementation(async () => json(conversion({ orderNumber: 'SO-0001' })));
    const onConverted = vi.fn();
    renderInEnglish(
      <ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" onConverted={onConverted} />,
    );

    await screen.findByText('SO-0001');
    expect(onConverted).not.toHaveBeenCalled();
  });

  it('forgets a refusal recorded while the deal was not won yet', async () => {
    const error = { code: 'deal_not_won', message: 'Deal is open.', retryable: false };
    fetchStub.mockImplementation(async () =>
      json(conversion({ state: 'failed', orderId: null, orderNumber: null, error })),
    );
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    await waitFor(() => expect(fetchStub).toHaveBeenCalled());
    await new Promise((settle) => setTimeout(settle, 20));

    expect(screen.queryByRole('alert')).toBeNull();
    expect(convertButton()).toHaveProperty('disabled', false);
  });

  it('explains a refusal in words a rep understands, and retries', async () => {
    let posts = 0;
    fetchStub.mockImplementation(async (_url, init) => {
      if (init?.method !== 'POST') return notFound();
      posts += 1;
      if (posts > 1) return json(conversion());

      const refused = conversion({
        state: 'failed',
        error: { code: 'credit_blocked', message: 'Over the limit.', retryable: false },
      });
      const body = envelope('credit_blocked', 'Customer C-TEST-1 is credit-blocked.', false);
      return json({ error: { ...body.error, details: refused } }, 422);
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    fireEvent.click(convertButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The ERP will not take this order on credit');
    expect(alert.textContent).toContain('Customer C-TEST-1 is credit-blocked.');
    expect(alert.textContent).toContain('ERP order SO-0077 exists but is not confirmed');

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('SO-0077');
  });

  it('says the server cannot be reached when the network fails', async () => {
    fetchStub.mockImplementation(async (_url, init) => {
      if (init?.method !== 'POST') return notFound();
      throw new TypeError('fetch failed');
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    fireEvent.click(convertButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ERP Lens cannot reach its server');
  });

  it('reports a conversion that failed on the server', async () => {
    fetchStub.mockImplementation(async (_url, init) => {
      if (init?.method !== 'POST') return notFound();
      const error = { code: 'erp_unavailable', message: 'Tryton timed out.', retryable: true };
      return json(conversion({ state: 'failed', orderNumber: null, orderId: null, error }));
    });
    renderInEnglish(<ConvertPanel api={createApi()} dealId="D-TEST-1" stage="won" />);

    fireEvent.click(convertButton());

    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toContain('The ERP is not answering right now');
    });
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
