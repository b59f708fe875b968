import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { messagesFor, resolveLocale } from '../i18n/locale.ts';
import type { Messages } from '../i18n/messages.ts';

/** The locale the host asked for; undefined means the browser's own. */
export const LocaleContext = createContext<string | undefined>(undefined);

export function useLocale(): string {
  return resolveLocale(useContext(LocaleContext));
}

export function useMessages(): Messages {
  return messagesFor(useLocale());
}
