import type { Preflight, PreflightIssue } from '../../shared/api.ts';
import { formatMoney, formatPercent, formatQuantity, formatUnitPrice } from '../format-money.ts';
import { BlockMark } from './block-mark.tsx';
import { useLocale, useMessages } from './locale.ts';

export interface PreflightCheckProps {
  preflight: Preflight;
  /** Product names by line id, from the lookup; the check itself knows only product ids. */
  lineNames?: Readonly<Record<string, string>>;
}

/** A warning in figures where the check gives them (price drift, shortfall), else its sentence. */
function Warning({ issue, preflight, lineNames }: { issue: PreflightIssue } & PreflightCheckProps) {
  const locale = useLocale();
  const t = useMessages();
  const line = preflight.lines.find((l) => l.lineId === issue.lineId);
  const name = line ? (lineNames?.[line.lineId] ?? line.productId) : null;
  let words = issue.message;

  if (
    line &&
    issue.code === 'price_drift' &&
    line.dealPrice &&
    line.erpPrice &&
    line.driftPercent
  ) {
    words = `${name}: ${t.preflight.priceDrift(
      formatUnitPrice(line.dealPrice, locale),
      formatUnitPrice(line.erpPrice, locale),
      formatPercent(line.driftPercent, locale),
    )}`;
  } else if (line && issue.code === 'short_stock' && line.available && line.shortfall) {
    words = `${name}: ${t.preflight.shortStock(
      formatQuantity(line.quantity, locale),
      formatQuantity(line.available, locale),
      formatQuantity(line.shortfall, locale),
    )}`;
  }

  return (
    <li class={`issue issue-${issue.code}`}>
      <strong>{t.preflight.issues[issue.code] ?? issue.code}:</strong> {words}
    </li>
  );
}

/**
 * What the ERP says about the deal now, before the rep confirms: what stops the conversion,
 * what needs an override, and the customer's credit, block and dunning level.
 */
export function PreflightCheck({ preflight, lineNames }: PreflightCheckProps) {
  const locale = useLocale();
  const t = useMessages();
  const { blocking, warnings, credit } = preflight;
  const limit = credit?.limit ?? null;
  const after = credit?.afterOrder ?? null;
  const facts = (limit && after) || preflight.blocked || preflight.dunningLevel > 0;

  return (
    <div class="preflight">
      <h3>{t.preflight.title}</h3>

      {blocking.length > 0 && (
        <div class="issues blocking">
          <p>
            <BlockMark /> <strong>{t.preflight.blocking}</strong>
          </p>
          <ul>
            {blocking.map((issue, i) => (
              <li key={i} class={`issue issue-${issue.code}`}>
                <strong>{t.preflight.issues[issue.code] ?? issue.code}:</strong> {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {warnings.length > 0 && (
        <div class="issues warnings">
          <p>
            <span aria-hidden="true">⚠ </span>
            <strong>{t.preflight.warnings}</strong>
          </p>
          <ul>
            {warnings.map((issue, i) => (
              <Warning key={i} issue={issue} preflight={preflight} lineNames={lineNames} />
            ))}
          </ul>
        </div>
      )}

      {blocking.length === 0 && warnings.length === 0 && (
        <p class="success">
          <span aria-hidden="true">✓ </span>
          {t.preflight.clear}
        </p>
      )}

      {facts && (
        <ul class="facts">
          {limit && after && (
            <li class={credit?.exceeds ? 'warning-text' : undefined}>
              {t.preflight.creditAfter(formatMoney(after, locale), formatMoney(limit, locale))}
              {credit?.exceeds && ` (${t.preflight.overLimit})`}
            </li>
          )}
          {preflight.blocked && <li class="warning-text">{t.preflight.blocked}</li>}
          {preflight.dunningLevel > 0 && <li>{t.preflight.dunning(preflight.dunningLevel)}</li>}
        </ul>
      )}
    </div>
  );
}
