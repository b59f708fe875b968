import type { ConversionState } from '../../shared/api.ts';
import { useMessages } from './locale.ts';

/** The steps a conversion goes through, in order, as the server records them. */
export const conversionSteps = [
  'received',
  'validated',
  'customer_resolved',
  'order_created',
  'order_confirmed',
  'written_back',
  'done',
] as const satisfies readonly ConversionState[];

type Mark = 'done' | 'current' | 'stopped' | 'next';

const symbols: Record<Mark, string> = { done: '✓', current: '▸', stopped: '✕', next: '○' };

export interface ConversionProgressProps {
  /** The last step the server finished; null before it recorded one. */
  step: ConversionState | null;
  /** The conversion stopped at the step after `step`, rather than working on it. */
  stopped?: boolean;
}

/**
 * The steps as an ordered list: each finished one ticked, the one under way marked with
 * aria-current, so the state reads in symbols and words as well as in colour.
 */
export function ConversionProgress({ step, stopped = false }: ConversionProgressProps) {
  const t = useMessages();
  const reached = step ? conversionSteps.indexOf(step as (typeof conversionSteps)[number]) : -1;
  const finished = step === 'done';

  function markOf(index: number): Mark {
    if (index <= reached) return 'done';
    if (index === reached + 1) return stopped ? 'stopped' : 'current';
    return 'next';
  }

  return (
    <ol class="steps" aria-label={t.convert.progress}>
      {conversionSteps.map((name, index) => {
        const mark = markOf(index);
        const current = mark === 'current' || mark === 'stopped' || (finished && name === 'done');
        return (
          <li key={name} class={`step step-${mark}`} aria-current={current ? 'step' : undefined}>
            <span aria-hidden="true" class="step-mark">
              {symbols[mark]}
            </span>{' '}
            {t.convert.steps[name]}
            <span class="visually-hidden"> ({t.convert.stepMarks[mark]})</span>
          </li>
        );
      })}
    </ol>
  );
}
