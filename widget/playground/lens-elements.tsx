import { useEffect, useRef } from 'preact/hooks';
import type { Deal } from '../../shared/api.ts';
import type { ConvertedDetail } from '../element.ts';

type LensAttributes = preact.HTMLAttributes<HTMLElement> & {
  'server-url'?: string;
  'customer-id'?: string;
  locale?: string;
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

interface DealLensElementProps {
  serverUrl: string;
  /** '' leaves the choice to the widget: the browser's language. */
  locale: string;
  deal: Deal;
  onConverted: (detail: ConvertedDetail) => void;
}

/** The embedded widget exactly as a CRM page would place it: attributes in, events out. */
export function DealLensElement({ serverUrl, locale, deal, onConverted }: DealLensElementProps) {
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;

    function listen(event: Event): void {
      onConverted((event as CustomEvent<ConvertedDetail>).detail);
    }
    element.addEventListener('converted', listen);
    return () => element.removeEventListener('converted', listen);
  }, [onConverted]);

  return (
    <erp-lens-deal
      ref={ref}
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
  locale: string;
  customerId: string;
}

export function AccountLensElement({ serverUrl, locale, customerId }: AccountLensElementProps) {
  return (
    <erp-lens-account
      server-url={serverUrl}
      locale={locale || undefined}
      customer-id={customerId}
    />
  );
}
