import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ConversionState, DealStage } from '../../shared/api.ts';
import type { Api } from '../api.ts';
import { createConvertState } from '../convert-state.ts';
import { describeError, errorDetail } from '../error-words.ts';

const stepWords: Record<ConversionState, string> = {
  received: 'Received',
  validated: 'Checked the deal',
  customer_resolved: 'Found the ERP customer',
  order_created: 'Created the order',
  order_confirmed: 'Confirmed the order',
  written_back: 'Wrote the order number back to the CRM',
  done: 'Done',
  failed: 'Failed',
};

export interface ConvertPanelProps {
  api: Api;
  dealId: string;
  stage: DealStage | null;
  onConverted?: (orderNumber: string) => void;
  pollMs?: number;
}

/** "Convert to ERP order" for a won deal: progress, then the order number, or what went wrong. */
export function ConvertPanel({ api, dealId, stage, onConverted, pollMs }: ConvertPanelProps) {
  const latestOnConverted = useRef(onConverted);
  latestOnConverted.current = onConverted;

  const convert = useMemo(() => {
    return createConvertState(api, dealId, {
      pollMs,
      onConverted: (orderNumber) => latestOnConverted.current?.(orderNumber),
    });
  }, [api, dealId, pollMs]);

  useEffect(() => {
    void convert.load();
    return () => convert.dispose();
  }, [convert]);

  const status = convert.status.value;

  if (status.kind === 'done') {
    return (
      <section class="panel convert" aria-labelledby="convert-title">
        <h2 id="convert-title">ERP order</h2>
        <p role="status" class="success">
          ERP order <strong>{status.orderNumber}</strong> created.
        </p>
      </section>
    );
  }

  const converting = status.kind === 'converting';
  const won = stage === 'won';

  return (
    <section class="panel convert" aria-labelledby="convert-title">
      <h2 id="convert-title">ERP order</h2>
      <button
        type="button"
        class="primary"
        disabled={!won || converting}
        aria-describedby="convert-note"
        onClick={() => void convert.convert()}
      >
        {converting ? 'Converting…' : 'Convert to ERP order'}
      </button>

      <div id="convert-note" role="status" aria-live="polite">
        {!won && <p class="muted">Available once the deal is won.</p>}
        {converting && (
          <p class="muted">
            {status.state ? `${stepWords[status.state]}…` : 'Sending the deal to the ERP…'}
          </p>
        )}
      </div>

      {status.kind === 'failed' && (
        <div role="alert" class="warning">
          <p>{describeError(status.error)}</p>
          {errorDetail(status.error) && <p class="muted">{errorDetail(status.error)}</p>}
          {status.pendingOrder && (
            <p class="muted">
              ERP order {status.pendingOrder} exists but is not confirmed; trying again continues
              with it.
            </p>
          )}
          {won && (
            <button type="button" onClick={() => void convert.convert()}>
              Try again
            </button>
          )}
        </div>
      )}
    </section>
  );
}
