import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { DealStage } from '../../shared/api.ts';
import type { Api } from '../api.ts';
import { createConvertState } from '../convert-state.ts';
import { describeError, errorDetail } from '../error-words.ts';
import { useMessages } from './locale.ts';

export interface ConvertPanelProps {
  api: Api;
  dealId: string;
  stage: DealStage | null;
  onConverted?: (orderNumber: string) => void;
  pollMs?: number;
}

/** "Convert to ERP order" for a won deal: progress, then the order number, or what went wrong. */
export function ConvertPanel({ api, dealId, stage, onConverted, pollMs }: ConvertPanelProps) {
  const t = useMessages();
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
        <h2 id="convert-title">{t.convert.title}</h2>
        <p role="status" class="success">
          <span aria-hidden="true">✓ </span>
          {t.convert.created.before}
          <strong class="order-number">{status.orderNumber}</strong>
          {t.convert.created.after}
        </p>
      </section>
    );
  }

  const converting = status.kind === 'converting';
  const won = stage === 'won';

  return (
    <section class="panel convert" aria-labelledby="convert-title">
      <h2 id="convert-title">{t.convert.title}</h2>
      <button
        type="button"
        class="primary"
        disabled={!won || converting}
        aria-describedby="convert-note"
        onClick={() => void convert.convert()}
      >
        {converting ? t.convert.converting : t.convert.button}
      </button>

      <div id="convert-note" role="status" aria-live="polite">
        {!won && <p class="muted">{t.convert.onceWon}</p>}
        {converting && (
          <p class="muted">
            {status.state ? `${t.convert.steps[status.state]}…` : t.convert.sending}
          </p>
        )}
      </div>

      {status.kind === 'failed' && (
        <div role="alert" class="warning">
          <p>
            <span aria-hidden="true">⚠ </span>
            {describeError(status.error, t)}
          </p>
          {errorDetail(status.error, t) && <p class="muted">{errorDetail(status.error, t)}</p>}
          {status.pendingOrder && <p class="muted">{t.convert.pendingOrder(status.pendingOrder)}</p>}
          {won && (
            <button type="button" onClick={() => void convert.convert()}>
              {t.convert.tryAgain}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
