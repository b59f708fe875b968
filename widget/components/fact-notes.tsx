import type { Fact } from '../../shared/facts.ts';
import { formatClockTime } from '../format-date.ts';
import { useLocale } from './locale.ts';

/** "as of 14:05" beside a figure the server answered from an older ERP reading. */
export function AsOf({ fact }: { fact: Fact<unknown> }) {
  const locale = useLocale();
  if (fact.status !== 'ok' || !fact.stale) return null;

  return (
    <span class="as-of" title="The ERP did not answer in time; this is the last known figure.">
      as of {formatClockTime(fact.asOf, locale)}
    </span>
  );
}

/** A part of the answer the server could not get; the rest of the widget still stands. */
export function Unavailable({ what, message }: { what: string; message: string }) {
  return (
    <p class="unavailable">
      <strong>{what} not available.</strong> {message}
    </p>
  );
}
