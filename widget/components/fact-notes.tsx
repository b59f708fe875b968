import type { Fact } from '../../shared/facts.ts';
import { formatClockTime } from '../format-date.ts';
import { useLocale, useMessages } from './locale.ts';

/**
 * "as of 14:05" beside a figure the server answered from an older ERP reading; fresh figures
 * carry no extra note (README, first section).
 */
export function AsOf({ fact }: { fact: Fact<unknown> }) {
  const locale = useLocale();
  const t = useMessages();
  if (fact.status !== 'ok' || !fact.stale) return null;

  return (
    <span class="as-of" title={t.fact.staleTitle}>
      <span aria-hidden="true">◷ </span>
      {t.fact.asOf(formatClockTime(fact.asOf, locale))}
    </span>
  );
}

/** A part of the answer the server could not get; the rest of the widget still stands. */
export function Unavailable({ what, message }: { what: string; message: string }) {
  const t = useMessages();

  return (
    <p class="unavailable">
      <span aria-hidden="true">⚠ </span>
      <strong>{t.fact.notAvailable(what)}</strong> {message}
    </p>
  );
}
