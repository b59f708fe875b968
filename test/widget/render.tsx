import { render } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import { LocaleContext } from '../../widget/components/locale.ts';

/** Renders in en-US so figures read the same on every machine. */
export function renderInEnglish(ui: ComponentChild) {
  return render(<LocaleContext.Provider value="en-US">{ui}</LocaleContext.Provider>);
}

export function clockTime(instant: string): string {
  const format = new Intl.DateTimeFormat('en-US', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return format.format(new Date(instant));
}
