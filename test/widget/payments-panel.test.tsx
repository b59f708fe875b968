import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleContext } from '../../widget/components/locale.ts';
import { PaymentsPanel } from '../../widget/components/payments-panel.tsx';
import { accountLookup } from './fixtures.ts';
import { renderInEnglish } from './render.tsx';

afterEach(cleanup);

describe('PaymentsPanel', () => {
  it('shows an overdue badge with the dunning level', () => {
    const { container } = renderInEnglish(<PaymentsPanel payments={accountLookup().payments} />);

    expect(container.querySelector('p .badge')?.textContent).toBe('Overdue');
    expect(screen.getByText(/Dunning level 2: Second reminder/)).toBeTruthy();
    expect(container.textContent).toContain('Open€3,200.00');
    expect(container.textContent).toContain('Overdue€1,200.00');
  });

  it('lists invoices with their due dates as calendar dates', () => {
    renderInEnglish(<PaymentsPanel payments={accountLookup().payments} />);

    const overdue = screen.getByText('INV-2024-0042').closest('tr')!;
    expect(overdue.textContent).toContain('Mar 31, 2024');
    expect(overdue.textContent).toContain('36 days overdue');
    expect(overdue.textContent).toContain('Dunning 2');

    const partial = screen.getByText('INV-2024-0057').closest('tr')!;
    expect(partial.textContent).toContain('May 20, 2024');
    expect(partial.textContent).toContain('Partially paid');
  });

  it('translates the default dunning labels in German and keeps a label of its own', () => {
    const payments = accountLookup().payments;
    const { container, unmount } = render(
      <LocaleContext.Provider value="de-DE">
        <PaymentsPanel payments={payments} />
      </LocaleContext.Provider>,
    );
    expect(container.textContent).toContain('Mahnstufe 2: Zweite Mahnung');
    expect(container.textContent).not.toContain('Second reminder');
    unmount();

    if (payments.status !== 'ok') throw new Error('the fixture has payments');
    const own = { ...payments, value: { ...payments.value, dunningLabel: 'Anwalt' } };
    render(
      <LocaleContext.Provider value="de-DE">
        <PaymentsPanel payments={own} />
      </LocaleContext.Provider>,
    );
    expect(screen.getByText(/Mahnstufe 2: Anwalt/)).toBeTruthy();
  });

  it('labels each invoice figure, so it reads as a card in a narrow sidebar', () => {
    renderInEnglish(<PaymentsPanel payments={accountLookup().payments} />);

    const row = screen.getByText('INV-2024-0057').closest('tr')!;
    const labels = [...row.querySelectorAll('td')].map((cell) => cell.dataset.label);
    expect(labels).toEqual(['Date', 'Due', 'Total', 'Open', 'Payment status']);
  });

  it('shows a degraded state when payments could not be read', () => {
    renderInEnglish(
      <PaymentsPanel
        payments={{ status: 'unavailable', reason: 'erp_unavailable', message: 'The ERP is down.' }}
      />,
    );

    expect(screen.getByText('Payment status not available.')).toBeTruthy();
  });
});
