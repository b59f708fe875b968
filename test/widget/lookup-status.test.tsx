import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../widget/api-error.ts';
import { LookupStatus } from '../../widget/components/lookup-status.tsx';
import { renderInEnglish } from './render.tsx';

afterEach(cleanup);

function statusFor(error: ApiError) {
  return renderInEnglish(
    <LookupStatus pending={false} error={error} hasFigures={false} onRetry={() => {}} />,
  );
}

describe('LookupStatus', () => {
  it("shows the server's own words for an unknown product and offers no retry", () => {
    const message = 'The ERP has no product "P-9999"; remove the line or pick the product again.';
    const { container } = statusFor(
      new ApiError({ code: 'unknown_product', message, retryable: false, status: 422 }),
    );

    expect(container.textContent).toContain(message);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it("shows the server's own words for a currency it does not accept", () => {
    const message = 'Currency GBP is not accepted; use one of EUR, USD, CHF.';
    const { container } = statusFor(
      new ApiError({ code: 'unknown_currency', message, retryable: false, status: 400 }),
    );

    expect(container.textContent).toContain(message);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers Try again when the error may pass', () => {
    statusFor(new ApiError({ code: 'erp_unavailable', message: 'Down.', retryable: true }));

    expect(screen.getByText(/The ERP is not answering right now/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
