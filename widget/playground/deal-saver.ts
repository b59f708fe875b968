import { signal } from '@preact/signals';
import type { Deal, DealInput } from '../../shared/api.ts';
import { ApiError } from '../api-error.ts';
import type { Api } from '../api.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed';

interface SaveJob {
  dealId: string;
  input: DealInput;
}

/**
 * Saves the deal being edited after a quiet spell. Saves run one after another, never
 * aborted: each PUT carries the whole deal, and an aborted one could still land after its
 * successor on the server.
 */
export function createDealSaver(api: Api, onSaved: (deal: Deal) => void, delayMs = 400) {
  const status = signal<SaveStatus>('saved');
  const error = signal<ApiError | null>(null);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let queued: SaveJob | null = null;
  let chain: Promise<void> = Promise.resolve();

  async function put(job: SaveJob): Promise<void> {
    status.value = 'saving';

    try {
      const { deal } = await api.saveDeal(job.dealId, job.input, new AbortController().signal);
      error.value = null;
      status.value = queued ? 'pending' : 'saved';
      onSaved(deal);
    } catch (caught) {
      error.value = caught instanceof ApiError ? caught : null;
      status.value = 'failed';
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    const job = queued;
    queued = null;
    if (job) chain = chain.then(() => put(job));
    return chain;
  }

  function schedule(dealId: string, input: DealInput): void {
    if (queued && queued.dealId !== dealId) void flush();
    queued = { dealId, input };
    status.value = 'pending';
    clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  }

  return { status, error, schedule, flush };
}
