import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
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

  it('shows a degraded state when payments could not be read', () => {
    renderInEnglish(
      <PaymentsPanel
        payments={{ status: 'unavailable', reason: 'erp_unavailable', message: 'The ERP is down.' }}
      />,
    );

    expect(screen.getByText('Payment status not available.')).toBeTruthy();
  });
});
