import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleContext } from '../../widget/components/locale.ts';
import { AvailabilityPanel } from '../../widget/components/availability-panel.tsx';
import { asOf, dealLookup, freshLine, staleLine, unavailableLine } from './fixtures.ts';
import { clockTime, renderInEnglish } from './render.tsx';

afterEach(cleanup);

describe('AvailabilityPanel', () => {
  it('shows stock per warehouse with the level in words', () => {
    renderInEnglish(<AvailabilityPanel lines={dealLookup([freshLine]).lines} />);

    const line = screen.getByText('Hex bolt M8').closest('li')!;
    expect(within(line).getByText('In stock')).toBeTruthy();
    expect(line.textContent).toContain('112 pc available in total');
    expect(line.textContent).toContain('Main warehouse');
    expect(line.textContent).toContain('100 pc available');
    expect(line.textContent).toContain('North depot');
    expect(line.textContent).toContain('(15 on hand)');
    expect(line.textContent).not.toContain('as of');
  });

  it('says the unit in German', () => {
    render(
      <LocaleContext.Provider value="de-DE">
        <AvailabilityPanel lines={dealLookup([freshLine]).lines} />
      </LocaleContext.Provider>,
    );

    const line = screen.getByText('Hex bolt M8').closest('li')!;
    expect(line.textContent).toContain('112 Stk. insgesamt verfügbar');
    expect(line.textContent).not.toMatch(/\bpc\b/);
  });

  it('marks a stale stock figure with the time it was read', () => {
    renderInEnglish(<AvailabilityPanel lines={dealLookup([staleLine]).lines} />);

    const line = screen.getByText('Hex nut M8').closest('li')!;
    expect(within(line).getByText('Partial')).toBeTruthy();
    expect(within(line).getByText(`as of ${clockTime(asOf)}`)).toBeTruthy();
  });

  it('says why stock is missing when the ERP could not answer', () => {
    renderInEnglish(<AvailabilityPanel lines={dealLookup([unavailableLine]).lines} />);

    expect(screen.getByText('Stock not available.')).toBeTruthy();
    expect(screen.getByText(/The ERP did not answer in 2 s\./)).toBeTruthy();
    expect(screen.getByText('P-TEST-GONE')).toBeTruthy();
  });

  it('names every availability level in text', () => {
    const levels = ['in_stock', 'low', 'partial', 'out_of_stock'] as const;
    const lines = levels.map((level, index) => {
      if (freshLine.stock.status !== 'ok') throw new Error('fixture');
      return {
        ...freshLine,
        lineId: `L${index}`,
        stock: { ...freshLine.stock, value: { ...freshLine.stock.value, level } },
      };
    });

    renderInEnglish(<AvailabilityPanel lines={dealLookup(lines).lines} />);

    for (const words of ['In stock', 'Low', 'Partial', 'Out of stock']) {
      expect(screen.getByText(words)).toBeTruthy();
    }
  });
});
