import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import type { ConvertedDetail } from '../element.ts';
import { describeError } from '../error-words.ts';
import { DealEditor } from './deal-editor.tsx';
import { DealList } from './deal-list.tsx';
import type { DevTokens } from './dev-tokens.ts';
import { AccountLensElement, DealLensElement } from './lens-elements.tsx';
import { LocalePicker } from './locale-picker.tsx';
import { createPlayground } from './playground-state.ts';

interface PlaygroundProps {
  api: Api;
  serverUrl: string;
  tokens: DevTokens;
}

/** A stand-in CRM: deal list, deal editor, and the ERP Lens widget beside them. */
export function Playground({ api, serverUrl, tokens }: PlaygroundProps) {
  const playground = useMemo(() => createPlayground(api), [api]);
  const [locale, setLocale] = useState(new URLSearchParams(location.search).get('locale') ?? '');

  useEffect(() => {
    void playground.load();
  }, [playground]);

  const deal = playground.deal.value;
  const loadError = playground.loadError.value;
  const firstCustomer = [...playground.customers.value.values()][0];

  const onConverted = useCallback(
    (detail: ConvertedDetail) => void playground.reload(detail.dealId),
    [playground],
  );

  return (
    <div class="playground">
      <header class="crm-bar">
        <strong>Playground CRM</strong>
        <span class="muted">plays the CRM host for ERP Lens</span>
        <LocalePicker locale={locale} onChange={setLocale} />
      </header>

      {loadError && (
        <p class="warning" role="alert">
          {describeError(loadError)}{' '}
          <button type="button" onClick={() => void playground.load()}>
            Try again
          </button>
        </p>
      )}

      <div class="columns">
        <aside class="deals">
          <DealList
            deals={playground.deals.value}
            selectedId={deal?.id ?? null}
            onSelect={(dealId) => void playground.select(dealId)}
          />
          <button
            type="button"
            disabled={!firstCustomer}
            onClick={() => firstCustomer && void playground.create(firstCustomer)}
          >
            New deal
          </button>
        </aside>

        <main>
          {deal ? (
            <DealEditor api={api} playground={playground} deal={deal} />
          ) : (
            <p class="muted">Choose a deal.</p>
          )}
        </main>

        <aside class="sidebar" aria-label="ERP Lens">
          {deal && (
            <>
              <DealLensElement
                serverUrl={serverUrl}
                tokens={tokens}
                locale={locale}
                deal={deal}
                onConverted={onConverted}
              />
              <h2 class="sidebar-title">Account</h2>
              <AccountLensElement
                serverUrl={serverUrl}
                tokens={tokens}
                locale={locale}
                customerId={deal.customerId}
              />
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
