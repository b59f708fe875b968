import type { DealStage } from '../../shared/api.ts';
import type { Api } from '../api.ts';
import type { DealDraft, DealState } from '../state.ts';
import { AvailabilityPanel } from './availability-panel.tsx';
import { ConvertPanel } from './convert-panel.tsx';
import { CreditBanner } from './credit-banner.tsx';
import { useMessages } from './locale.ts';
import { LookupStatus } from './lookup-status.tsx';
import { OrderNote, useChangedSinceOrder } from './order-note.tsx';
import { PricingPanel } from './pricing-panel.tsx';
import { Skeleton } from './skeleton.tsx';

export interface DealLensProps {
  api: Api;
  state: DealState;
  dealId: string | null;
  stage: DealStage | null;
  onConverted?: (orderNumber: string) => void;
}

/** What an ERP order is made of: the lines, their quantities and prices, and the stage. */
function orderedVersion(draft: DealDraft | null, stage: DealStage | null): string {
  const lines = draft?.lines.map((line) => [line.productId, line.quantity, line.unitPrice]);
  return JSON.stringify({ lines, stage });
}

/** The deal sidebar: credit, availability and prices for the draft, and the convert button. */
export function DealLens({ api, state, dealId, stage, onConverted }: DealLensProps) {
  const t = useMessages();
  const draft = state.draft.value;
  const answered = state.answered.value;
  const sameDeal =
    answered?.customerId === draft?.customerId &&
    (answered?.dealId ?? null) === (draft?.dealId ?? null);
  const result = sameDeal ? state.result.value : null;
  const pending = state.pending.value;
  const orderNumber = result?.order?.number || null;
  const changed = useChangedSinceOrder(orderNumber, orderedVersion(draft, stage));

  // A removed line drops out at once; the next answer will agree.
  const lineIds = new Set(draft?.lines.map((line) => line.lineId));
  const lines = result?.lines.filter((line) => !line.lineId || lineIds.has(line.lineId)) ?? [];
  const lineNames: Record<string, string> = {};
  for (const line of lines)
    if (line.lineId && line.product) lineNames[line.lineId] = line.product.name;

  return (
    <div class="lens" aria-busy={pending}>
      <header class="lens-head">
        <h1>{result?.customer?.name ?? t.lens.deal}</h1>
        <button type="button" onClick={state.refresh} disabled={!draft?.customerId}>
          {t.lens.refresh}
        </button>
      </header>

      {!draft?.customerId && <p class="muted">{t.lens.chooseCustomer}</p>}

      <LookupStatus
        pending={pending}
        error={state.error.value}
        hasFigures={result !== null}
        onRetry={state.refresh}
      />

      {!result && pending && <Skeleton />}

      {orderNumber && <OrderNote orderNumber={orderNumber} changed={changed} />}

      {result && (
        <div class="panels">
          <CreditBanner credit={result.credit} scope={orderNumber ? 'ordered' : 'deal'} />
          <AvailabilityPanel lines={lines} />
          <PricingPanel lines={lines} total={result.total} />
        </div>
      )}

      {dealId && (
        <ConvertPanel
          api={api}
          dealId={dealId}
          stage={stage}
          dealVersion={JSON.stringify(draft)}
          lineNames={lineNames}
          onConverted={(orderNumber) => {
            // The order took stock and credit; show the figures as they are now.
            state.refresh();
            onConverted?.(orderNumber);
          }}
        />
      )}
    </div>
  );
}
