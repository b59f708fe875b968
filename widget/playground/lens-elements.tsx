import { useEffect, useRef, useState } from 'preact/hooks';
import type { Deal } from '../../shared/api.ts';
import type { ConvertedDetail } from '../element.ts';
import type { DevTokenClaims, DevTokens } from './dev-tokens.ts';

type LensAttributes = preact.HTMLAttributes<HTMLElement> & {
  'server-url'?: string;
  'customer-id'?: string;
  locale?: string;
  /** Set as a property (the elements define `token`), so it stays off the DOM. */
  token?: string;
};

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'erp-lens-deal': LensAttributes & {
        currency?: string;
        lines?: string;
        'deal-id'?: string;
        stage?: string;
      };
      'erp-lens-account': LensAttributes;
    }
  }
}

/** Tokens last ten minutes; a fresh one well before that. */
const renewEveryMs = 8 * 60_000;

/**
 * A dev-mode token for what the element shows, as the CRM would hand it over; null until the
 * first one arrives, '' when the server mints none (the element then shows the refusal).
 */
function useDevToken(tokens: DevTokens, claims: DevTokenClaims): string | null {
  const [token, setToken] = useState<string | null>(null);
  const key = JSON.stringify(claims);

  useEffect(() => {
    let live = true;
    setToken(null);
    const renew = () =>
      tokens.get(claims).then(
        (minted) => live && setToken(minted),
        () => live && setToken(''),
      );
    void renew();
    const timer = setInterval(renew, renewEveryMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tokens, key]);

  return token;
}

interface DealLensElementProps {
  serverUrl: string;
  tokens: DevTokens;
  /** '' leaves the choice to the widget: the browser's language. */
  locale: string;
  deal: Deal;
  onConverted: (detail: ConvertedDetail) => void;
}

/** The embedded widget exactly as a CRM page would place it: attributes in, events out. */
export function DealLensElement({
  serverUrl,
  tokens,
  locale,
  deal,
  onConverted,
}: DealLensElementProps) {
  const ref = useRef<HTMLElement>(null);
  const token = useDevToken(tokens, {
    scope: 'lookup convert',
    customer: deal.customerId,
    deal: deal.id,
  });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;

    function listen(event: Event): void {
      onConverted((event as CustomEvent<ConvertedDetail>).detail);
    }
    element.addEventListener('converted', listen);
    return () => element.removeEventListener('converted', listen);
  }, [onConverted, token]);

  if (token === null) return null;
  return (
    <erp-lens-deal
      ref={ref}
      token={token}
      server-url={serverUrl}
      locale={locale || undefined}
      deal-id={deal.id}
      customer-id={deal.customerId}
      currency={deal.currency}
      stage={deal.stage}
      lines={JSON.stringify(deal.lines)}
    />
  );
}

interface AccountLensElementProps {
  serverUrl: string;
  tokens: DevTokens;
  locale: string;
  customerId: string;
}

export function AccountLensElement({
  serverUrl,
  tokens,
  locale,
  customerId,
}: AccountLensElementProps) {
  const token = useDevToken(tokens, { scope: 'lookup', customer: customerId });

  if (token === null) return null;
  return (
    <erp-lens-account
      token={token}
      server-url={serverUrl}
      locale={locale || undefined}
      customer-id={customerId}
    />
  );
}
