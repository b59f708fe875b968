import { act, cleanup, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DealLookupResponse } from '../../shared/api.ts';
import type { Api } from '../../widget/api.ts';
import { DealLens } from '../../widget/components/deal-lens.tsx';
import { LocaleContext } from '../../widget/components/locale.ts';
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

async function answered(
  state: ReturnType<typeof createDealState>,
  draft: typeof bothLines & { dealId?: string } = bothLines,
  response = dealLookup([freshLine, staleLine]),
) {
  await act(async () => {
    state.draft.value = draft;
    await vi.advanceTimersByTimeAsync(250);
    answers.shift()!(response);
    await vi.advanceTimersByTimeAsync(0);
  });
}

const ordered = () => ({ ...dealLookup([freshLine, staleLine]), order: { number: 'SO-00006' } });

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

  it('says the figures include the order instead of warning that the deal exceeds credit', async () => {
    const state = createDealState(api);
    renderInEnglish(<DealLens api={api} state={state} dealId={null} stage="won" />);
    await answered(state, { ...bothLines, dealId: 'D-TEST-1' }, ordered());

    const text = document.body.textContent ?? '';
    expect(text).toContain('Ordered as SO-00006; stock and credit include it.');
    expect(text).not.toContain('This deal exceeds the credit limit');
    expect(text).toContain('The account is over its credit limit');
    state.dispose();
  });

  it('warns that the ERP order stays as it was when the deal changes after conversion', async () => {
    const state = createDealState(api);
    const draft = { ...bothLines, dealId: 'D-TEST-1' };
    const { rerender } = renderInEnglish(
      <DealLens api={api} state={state} dealId={null} stage="won" />,
    );
    await answered(state, draft, ordered());
    expect(document.body.textContent).not.toContain('does not change');

    await act(async () => {
      const [bolt, nut] = draft.lines;
      state.draft.value = { ...draft, lines: [{ ...bolt!, quantity: '9' }, nut!] };
    });
    expect(document.body.textContent).toContain(
      'The deal changed after it became ERP order SO-00006; the order does not change with it.',
    );

    await act(async () => {
      state.draft.value = draft;
    });
    expect(document.body.textContent).not.toContain('does not change');

    rerender(
      <LocaleContext.Provider value="en-US">
        <DealLens api={api} state={state} dealId={null} stage="open" />
      </LocaleContext.Provider>,
    );
    expect(document.body.textContent).toContain('does not change');
    state.dispose();
  });
});
