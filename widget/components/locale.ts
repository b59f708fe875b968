import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The locale figures are formatted in; undefined means the browser's own. */
export const LocaleContext = createContext<string | undefined>(undefined);

export function useLocale(): string | undefined {
  return useContext(LocaleContext);
}
