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

interface Minted {
  /** The claims the token was minted for, as `JSON.stringify` gave them. */
  key: string;
  /** '' when the server mints none (the element then shows the refusal). */
  token: string;
}

/**
 * A dev-mode token for what the element shows, as the CRM would hand it over; null until the
 * first one arrives. The previous token stays until the next is minted, so the caller can
 * keep showing what that token is for instead of sending the new deal with the old token.
 */
function useDevToken(tokens: DevTokens, claims: DevTokenClaims): Minted | null {
  const [minted, setMinted] = useState<Minted | null>(null);
  const key = JSON.stringify(claims);

  useEffect(() => {
    let live = true;
    const renew = () =>
      tokens.get(claims).then(
        (token) => live && setMinted({ key, token }),
        () => live && setMinted({ key, token: '' }),
      );
    void renew();
    const timer = setInterval(renew, renewEveryMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tokens, key]);

  return minted;
}

/** What the element should show: the wanted value once its token is here, else the last one. */
function useShownWith<T>(minted: Minted | null, claims: DevTokenClaims, wanted: T): T {
  const shown = useRef(wanted);
  if (minted?.key === JSON.stringify(claims)) shown.current = wanted;
  return shown.current;
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
  const claims = { scope: 'lookup convert', customer: deal.customerId, deal: deal.id };
  const minted = useDevToken(tokens, claims);
  const shown = useShownWith(minted, claims, deal);
  const token = minted?.token ?? null;

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
      deal-id={shown.id}
      customer-id={shown.customerId}
      currency={shown.currency}
      stage={shown.stage}
      lines={JSON.stringify(shown.lines)}
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
  const claims = { scope: 'lookup', customer: customerId };
  const minted = useDevToken(tokens, claims);
  const shownCustomerId = useShownWith(minted, claims, customerId);

  if (minted === null) return null;
  return (
    <erp-lens-account
      token={minted.token}
      server-url={serverUrl}
      locale={locale || undefined}
      customer-id={shownCustomerId}
    />
  );
}
