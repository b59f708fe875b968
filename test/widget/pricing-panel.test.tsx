import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LineResult } from '../../shared/api.ts';
import { PricingPanel } from '../../widget/components/pricing-panel.tsx';
import { asOf, dealLookup, freshLine, staleLine, unavailableLine } from './fixtures.ts';
import { clockTime, renderInEnglish } from './render.tsx';

afterEach(cleanup);

describe('PricingPanel', () => {
  it('shows the customer price next to the list price with discount and tier', () => {
    const lookup = dealLookup([freshLine]);
    renderInEnglish(<PricingPanel lines={lookup.lines} total={lookup.total} />);

    const row = screen.getByText('Hex bolt M8').closest('tr')!;
    expect(row.textContent).toContain('€90.00');
    expect(row.querySelector('s')?.textContent).toBe('€100.00');
    expect(row.textContent).toContain('−10 %');
    expect(row.textContent).toContain('Tier from 5 pc');
    expect(row.textContent).toContain('€720.00');
    expect(row.textContent).toContain('Dealers');
  });

  it('shows the agreed price beside the customer price', () => {
    const value = freshLine.price.status === 'ok' ? freshLine.price.value : null;
    const agreed: LineResult = {
      ...freshLine,
      price: {
        ...freshLine.price,
        value: {
          ...value!,
          agreedPrice: { amount: '80.00', currency: 'EUR' },
          lineTotal: { amount: '640.00', currency: 'EUR' },
        },
      } as LineResult['price'],
    };
    const lookup = dealLookup([agreed]);
    renderInEnglish(<PricingPanel lines={lookup.lines} total={lookup.total} />);

    const row = screen.getByText('Hex bolt M8').closest('tr')!;
    expect(row.querySelector('.unit-price')?.textContent).toBe('€90.00');
    expect(row.querySelector('.agreed')?.textContent).toBe('agreed €80.00');
    expect(row.querySelector('.line-total')?.textContent).toContain('€640.00');
  });

  it('hints at the next volume tier', () => {
    const lookup = dealLookup([freshLine]);
    renderInEnglish(<PricingPanel lines={lookup.lines} total={lookup.total} />);

    expect(screen.getByText('from 10 pc: €85.00')).toBeTruthy();
  });

  it('shows the deal total', () => {
    const lookup = dealLookup();
    renderInEnglish(<PricingPanel lines={lookup.lines} total={lookup.total} />);

    const total = screen.getByText('Deal total').closest('tr')!;
    expect(total.textContent).toContain('€725.00');
  });

  it('keeps the places of a unit price finer than a cent and marks it stale', () => {
    const lookup = dealLookup([staleLine]);
    renderInEnglish(<PricingPanel lines={lookup.lines} total={lookup.total} />);

    const row = screen.getByText('Hex nut M8').closest('tr')!;
    expect(row.textContent).toContain('€0.125');
    expect(row.textContent).not.toContain('list');
    expect(row.textContent).toContain(`as of ${clockTime(asOf)}`);
  });

  it('says when a line could not be priced and the total leaves it out', () => {
    const lookup = dealLookup([freshLine, unavailableLine]);
    const total = { ...lookup.total, complete: false };
    renderInEnglish(<PricingPanel lines={lookup.lines} total={total} />);

    expect(screen.getByText('Price not available.')).toBeTruthy();
    expect(screen.getByText(/No such product in the ERP\./)).toBeTruthy();
    expect(screen.getByText(/Some lines could not be priced/)).toBeTruthy();
  });
});
