import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DealStage } from '../../shared/api.ts';
import type { Api } from '../api.ts';
import { createConvertState } from '../convert-state.ts';
import { formatClockTime } from '../format-date.ts';
import { createLatestRequest } from '../latest-request.ts';
import { CheckFailure } from './check-failure.tsx';
import { ConversionFailure } from './conversion-failure.tsx';
import { ConversionProgress } from './conversion-progress.tsx';
import { useLocale, useMessages } from './locale.ts';
import { isReason, OverrideReason } from './override-reason.tsx';
import { PreflightCheck } from './preflight-check.tsx';

export interface ConvertPanelProps {
  api: Api;
  dealId: string;
  stage: DealStage | null;
  /** Changes whenever the deal does, so the pre-flight check is asked again. */
  dealVersion?: string;
  lineNames?: Readonly<Record<string, string>>;
  onConverted?: (orderNumber: string) => void;
  pollMs?: number;
}

/**
 * "Convert to ERP order" for a won deal: the pre-flight check and, for warnings, a reason
 * to override them; then each step as the server completes it, the order number, or what
 * went wrong with a retry that never makes a second order.
 */
export function ConvertPanel(props: ConvertPanelProps) {
  const { api, dealId, stage, dealVersion, lineNames, onConverted, pollMs } = props;
  const t = useMessages();
  const locale = useLocale();
  const [reason, setReason] = useState('');
  const latestOnConverted = useRef(onConverted);
  latestOnConverted.current = onConverted;

  const convert = useMemo(() => {
    return createConvertState(api, dealId, {
      pollMs,
      onConverted: (orderNumber) => latestOnConverted.current?.(orderNumber),
    });
  }, [api, dealId, pollMs]);

  const check = useMemo(() => {
    return createLatestRequest((id: string, signal: AbortSignal) => api.preflight(id, signal), {
      delayMs: 300,
    });
  }, [api]);

  const won = stage === 'won';

  useEffect(() => () => convert.dispose(), [convert]);

  // Only a won deal has a conversion to show; asking for the others gets 404 after 404.
  useEffect(() => {
    if (won) void convert.load();
  }, [convert, won]);

  useEffect(() => () => check.cancel(), [check]);

  const status = convert.status.value;
  const settled = status.kind === 'idle' || status.kind === 'failed';
  const refusal = status.kind === 'failed' ? status.preflight : null;

  useEffect(() => {
    if (refusal) {
      check.result.value = refusal;
      check.answered.value = dealId;
    }
  }, [check, dealId, refusal]);

  useEffect(() => {
    if (won && settled) check.schedule(dealId);
    else check.cancel();
  }, [check, dealId, won, settled, dealVersion]);

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

  const preflight = won && check.answered.value === dealId ? check.result.value : null;
  const checkError =
    won && settled && !preflight && !check.pending.value ? check.error.value : null;
  const checking = won && settled && !preflight && !checkError;
  const blocked = (preflight?.blocking.length ?? 0) > 0;
  const needsReason = (preflight?.warnings.length ?? 0) > 0;
  const working = status.kind === 'converting' || status.kind === 'retrying';
  const failed = status.kind === 'failed';

  let why: string | null = null;
  if (!won) why = t.convert.onceWon;
  else if (blocked) why = t.preflight.fixFirst;
  else if (checkError) why = t.preflight.checkFirst;
  else if (needsReason && !isReason(reason)) why = t.preflight.needsReason;

  return (
    <section class="panel convert" aria-labelledby="convert-title">
      <h2 id="convert-title">{t.convert.title}</h2>

      {settled && preflight && <PreflightCheck preflight={preflight} lineNames={lineNames} />}
      {checking && <p class="muted">{t.preflight.checking}</p>}
      {checkError && <CheckFailure error={checkError} onRetry={() => void check.run(dealId)} />}
      {settled && needsReason && !blocked && <OverrideReason value={reason} onInput={setReason} />}

      <button
        type="button"
        class="primary"
        disabled={working || checking || why !== null}
        aria-describedby="convert-note"
        onClick={() => {
          const overrideReason = needsReason ? reason.trim() : undefined;
          void convert.convert({ overrideReason, retry: failed });
        }}
      >
        {working ? t.convert.converting : failed ? t.convert.tryAgain : t.convert.button}
      </button>

      <div id="convert-note" role="status" aria-live="polite">
        {why && <p class="muted">{why}</p>}
        {(working || (failed && status.step)) && (
          <ConversionProgress step={status.step} stopped={failed} />
        )}
        {status.kind === 'retrying' && (
          <p class="warn-note">
            <span aria-hidden="true">⏲ </span>
            {status.nextAttemptAt
              ? t.convert.retryingAt(formatClockTime(status.nextAttemptAt, locale))
              : t.convert.retrying}
          </p>
        )}
      </div>

      {failed && <ConversionFailure error={status.error} pendingOrder={status.pendingOrder} />}
    </section>
  );
}
