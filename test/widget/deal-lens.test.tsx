import { act, cleanup, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DealLookupResponse } from '../../shared/api.ts';
import type { Api } from '../../widget/api.ts';
import { DealLens } from '../../widget/components/deal-lens.tsx';
import { createDealState } from '../../widget/state.ts';
import { dealLookup, freshLine, staleLine } from './fixtures.ts';
import { renderInEnglish } from './render.tsx';

const answers: Array<(response: DealLookupResponse) => void> = [];
const api = {
  lookupDeal: () => new Promise<DealLookupResponse>((resolve) => answers.push(resolve)),
  getConversion: () => new Promise(() => {}),
} as unknown as Api;

const bothLines = {
  customerId: 'C-TEST-1',
  currency: 'EUR',
  lines: [
    { lineId: 'L1', productId: 'P-TEST-BOLT', quantity: '8' },
    { lineId: 'L2', productId: 'P-TEST-NUT', quantity: '40' },
  ],
};

beforeEach(() => {
  vi.useFakeTimers();
  answers.length = 0;
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function answered(state: ReturnType<typeof createDealState>) {
  await act(async () => {
    state.draft.value = bothLines;
    await vi.advanceTimersByTimeAsync(250);
    answers.shift()!(dealLookup([freshLine, staleLine]));
    await vi.advanceTimersByTimeAsync(0);
  });
}

describe('DealLens', () => {
  it('keeps the figures on screen and says it is updating while a lookup runs', async () => {
    const state = createDealState(api);
    renderInEnglish(<DealLens api={api} state={state} dealId={null} stage={null} />);
    await answered(state);

    await act(async () => {
      const [bolt, nut] = bothLines.lines;
      state.draft.value = { ...bothLines, lines: [{ ...bolt!, quantity: '9' }, nut!] };
      await vi.advanceTimersByTimeAsync(250);
    });

    expect(screen.getByText('Updating…')).toBeTruthy();
    expect(screen.getAllByText('Hex bolt M8').length).toBeGreaterThan(0);
    state.dispose();
  });

  it('drops a removed line at once, before the next answer', async () => {
    const state = createDealState(api);
    renderInEnglish(<DealLens api={api} state={state} dealId={null} stage={null} />);
    await answered(state);
    expect(screen.getAllByText('Hex nut M8').length).toBeGreaterThan(0);

    await act(async () => {
      state.draft.value = { ...bothLines, lines: [bothLines.lines[0]!] };
    });

    expect(screen.queryByText('Hex nut M8')).toBeNull();
    expect(screen.getAllByText('Hex bolt M8').length).toBeGreaterThan(0);
    state.dispose();
  });

  it('hides figures that belong to the previous customer', async () => {
    const state = createDealState(api);
    renderInEnglish(<DealLens api={api} state={state} dealId={null} stage={null} />);
    await answered(state);

    await act(async () => {
      state.draft.value = { ...bothLines, customerId: 'C-TEST-2' };
    });

    expect(screen.queryByText('Hex bolt M8')).toBeNull();
    expect(screen.getByText('Looking up…')).toBeTruthy();
    state.dispose();
  });
});
