import { de } from './messages-de.ts';
import { en, type Messages } from './messages.ts';

/**
 * The locale figures are formatted in: the host's attribute, else the browser's language,
 * else English. A tag Intl cannot read falls back the same way rather than throwing later.
 */
export function resolveLocale(wanted?: string | null): string {
  for (const candidate of [wanted, globalThis.navigator?.language]) {
    if (!candidate) continue;
    try {
      return Intl.getCanonicalLocales(candidate)[0] ?? 'en';
    } catch {
      continue;
    }
  }
  return 'en';
}

/** German words for any German locale (de-DE, de-AT, de-CH); English for the rest. */
export function messagesFor(locale: string): Messages {
  return locale.toLowerCase().startsWith('de') ? de : en;
}
