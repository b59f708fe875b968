import { signal } from '@preact/signals';
import type { Conversion, ConversionState, ConvertRequest, Preflight } from '../shared/api.ts';
import { ApiError, isAbort } from './api-error.ts';
import type { Api } from './api.ts';
import { conversionError, conversionInDetails, preflightInDetails } from './conversion-details.ts';
import { sleep } from './sleep.ts';

/** The last step the server finished; null before it has recorded one. */
type Step = ConversionState | null;

export type ConvertStatus =
  | { kind: 'idle' }
  | { kind: 'converting'; step: Step }
  /** A transient failure; the server tries again by itself at `nextAttemptAt`. */
  | { kind: 'retrying'; step: Step; nextAttemptAt: string | null; error: ApiError | null }
  | { kind: 'done'; orderNumber: string }
  /**
   * Waiting for a person. `step`: the last step this page saw finish; `pendingOrder`: an
   * order the ERP already holds that a retry continues with; `preflight`: the check that
   * refused the deal, when that was the reason.
   */
  | {
      kind: 'failed';
      error: ApiError;
      step: Step;
      pendingOrder: string | null;
      preflight: Preflight | null;
    };

export interface ConvertStateOptions {
  /** How often to ask about a conversion the server is working on. */
  pollMs?: number;
  /** Called once when a conversion this session started ends with an order. */
  onConverted?: (orderNumber: string) => void;
}

export interface ConvertOptions {
  /** Why the rep converts despite the pre-flight warnings; it goes into the audit trail. */
  overrideReason?: string;
  /** Try now, although the conversion stopped or waits for its automatic retry. */
  retry?: boolean;
}

/**
 * While the server waits to retry nothing moves, so ask just after the retry is due, but
 * no less often than every five polls in case another trigger (ops, the webhook) runs it.
 */
function waitAfter(conversion: Conversion, pollMs: number): number {
  if (conversion.status !== 'retrying' || !conversion.nextAttemptAt) return pollMs;
  const untilDue = Date.parse(conversion.nextAttemptAt) - Date.now() + pollMs;
  return Math.min(5 * pollMs, Math.max(pollMs, untilDue));
}

function stepOf(conversion: Conversion, seen: Step): Step {
  return conversion.state === 'failed' ? seen : conversion.state;
}

/**
 * One deal's way to an ERP order: what the server already knows about it, the click, the
 * steps as the server records them, and automatic retries until the conversion settles.
 * A double click sends one request.
 */
export function createConvertState(api: Api, dealId: string, options: ConvertStateOptions = {}) {
  const pollMs = options.pollMs ?? 1000;
  const status = signal<ConvertStatus>({ kind: 'idle' });
  const lifetime = new AbortController();
  let seen: Step = null;

  /** Shows a record; true once it has settled (done, or waiting for a person). */
  function show(conversion: Conversion, justNow: boolean): boolean {
    const step = stepOf(conversion, seen);
    seen = step;

    switch (conversion.status) {
      case 'running':
        status.value = { kind: 'converting', step };
        return false;
      case 'retrying':
        status.value = {
          kind: 'retrying',
          step,
          nextAttemptAt: conversion.nextAttemptAt,
          error: conversion.error ? conversionError(conversion) : null,
        };
        return false;
      case 'done': {
        const orderNumber = conversion.orderNumber ?? conversion.orderId ?? '';
        status.value = { kind: 'done', orderNumber };
        if (justNow) options.onConverted?.(orderNumber);
        return true;
      }
      default:
        status.value = {
          kind: 'failed',
          error: conversionError(conversion),
          step,
          pendingOrder: conversion.orderNumber,
          preflight: null,
        };
        return true;
    }
  }

  async function follow(conversion: Conversion, justNow: boolean): Promise<void> {
    let current = conversion;
    while (!show(current, justNow)) {
      await sleep(waitAfter(current, pollMs), lifetime.signal);
      current = (await api.getConversion(dealId, lifetime.signal)).conversion;
    }
  }

  /**
   * The server answers a convert request only once the run stops, so the steps in
   * between come from asking alongside it. A question that fails is no failure of the run.
   */
  async function watchWhile(running: { settled: boolean }): Promise<void> {
    while (!running.settled) {
      await sleep(pollMs, lifetime.signal);
      const answer = await api.getConversion(dealId, lifetime.signal).catch(() => null);
      if (running.settled || !answer || answer.conversion.status !== 'running') continue;
      show(answer.conversion, true);
    }
  }

  async function guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (caught) {
      if (lifetime.signal.aborted || isAbort(caught)) return;
      const error =
        caught instanceof ApiError
          ? caught
          : new ApiError({ code: 'internal_error', message: String(caught), retryable: true });
      const refused = conversionInDetails(error.details);
      if (refused) seen = stepOf(refused, seen);
      status.value = {
        kind: 'failed',
        error,
        step: seen,
        pendingOrder: refused?.orderNumber ?? null,
        preflight: preflightInDetails(error.details),
      };
    }
  }

  /**
   * A deal converted earlier (or by the CRM webhook) shows where it stands straight away.
   * Failing to ask is not a failed conversion: the button stays as it was.
   */
  async function load(): Promise<void> {
    let conversion: Conversion;
    try {
      conversion = (await api.getConversion(dealId, lifetime.signal)).conversion;
    } catch {
      return;
    }

    // The server records a refused attempt on a deal that was not won yet; once the deal
    // is won that old refusal only confuses, so the button starts fresh.
    if (conversion.status === 'failed' && conversion.error?.code === 'deal_not_won') return;

    await guard(() => follow(conversion, false));
  }

  function convert(wanted: ConvertOptions = {}): Promise<void> {
    if (status.peek().kind === 'converting') return Promise.resolve();
    status.value = { kind: 'converting', step: null };
    seen = null;

    const request: ConvertRequest = {};
    if (wanted.overrideReason) request.override = { reason: wanted.overrideReason };
    if (wanted.retry) request.retry = true;

    return guard(async function convertDeal() {
      const running = { settled: false };
      void watchWhile(running).catch(() => {});
      try {
        const { conversion } = await api.convertDeal(dealId, request, lifetime.signal);
        running.settled = true;
        await follow(conversion, true);
      } finally {
        running.settled = true;
      }
    });
  }

  function dispose(): void {
    lifetime.abort();
  }

  return { status, load, convert, dispose };
}

export type ConvertStateHandle = ReturnType<typeof createConvertState>;
