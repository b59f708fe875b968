import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Credit } from '../../shared/api.ts';
import { fact } from '../../shared/facts.ts';
import { CreditBanner } from '../../widget/components/credit-banner.tsx';
import { asOf, overLimitCredit } from './fixtures.ts';
import { clockTime, renderInEnglish } from './render.tsx';

afterEach(cleanup);

const CreditFact = fact(Credit);

describe('CreditBanner', () => {
  it('warns when the deal exceeds the credit limit, by how much', () => {
    const credit = CreditFact.parse(overLimitCredit);
    const { container } = renderInEnglish(<CreditBanner credit={credit} />);

    expect(screen.getByText('This deal exceeds the credit limit')).toBeTruthy();
    expect(container.textContent).toContain('by €225.00.');
    expect(container.textContent).toContain('Limit€10,000.00');
    expect(container.textContent).toContain('Open balance€9,500.00');
    expect(container.textContent).toContain('Available€500.00');
    expect(container.querySelector('.alarm')).not.toBeNull();
  });

  it('says the account is over its limit when no deal is in view', () => {
    const credit = CreditFact.parse({
      ...overLimitCredit,
      value: {
        ...overLimitCredit.value,
        available: { amount: '-300.00', currency: 'EUR' },
        afterDeal: null,
      },
    });
    const { container } = renderInEnglish(<CreditBanner credit={credit} scope="account" />);

    expect(container.textContent).not.toContain('This deal');
    expect(screen.getByText('The account is over its credit limit')).toBeTruthy();
    expect(container.textContent).toContain('by €300.00.');
  });

  it('warns that credit is blocked, with the reason', () => {
    const credit = CreditFact.parse({
      ...overLimitCredit,
      stale: true,
      value: { ...overLimitCredit.value, blocked: true, blockReason: 'Unpaid since March' },
    });
    renderInEnglish(<CreditBanner credit={credit} />);

    expect(screen.getByText('Credit blocked.')).toBeTruthy();
    expect(screen.getByText(/Unpaid since March/)).toBeTruthy();
    expect(screen.getByText(`as of ${clockTime(asOf)}`)).toBeTruthy();
  });

  it('stays calm within the limit', () => {
    const credit = CreditFact.parse({
      ...overLimitCredit,
      value: {
        ...overLimitCredit.value,
        afterDeal: { amount: '275.00', currency: 'EUR' },
        exceedsLimit: false,
      },
    });
    const { container } = renderInEnglish(<CreditBanner credit={credit} />);

    expect(container.querySelector('.warning')).toBeNull();
    expect(container.querySelector('.alarm')).toBeNull();
  });

  it('shows a degraded state when credit could not be read', () => {
    const credit = CreditFact.parse({
      status: 'unavailable',
      reason: 'erp_timeout',
      message: 'The ERP did not answer in time.',
    });
    renderInEnglish(<CreditBanner credit={credit} />);

    expect(screen.getByText('Credit status not available.')).toBeTruthy();
    expect(screen.getByText(/The ERP did not answer in time\./)).toBeTruthy();
  });
});
