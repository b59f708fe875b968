import { z } from 'zod';
import { Instant } from './money.ts';

/**
 * Every figure the widget shows says where it came from. A part that could not be had in
 * time is `unavailable` with a reason; the rest of the answer still stands.
 */
export function fact<T extends z.ZodTypeAny>(value: T) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), asOf: Instant, stale: z.boolean(), value }),
    z.object({
      status: z.literal('unavailable'),
      reason: z.enum(['erp_unavailable', 'erp_timeout', 'unknown_product', 'not_applicable']),
      message: z.string(),
    }),
  ]);
}

export type Fact<T> =
  | { status: 'ok'; asOf: string; stale: boolean; value: T }
  | {
      status: 'unavailable';
      reason: 'erp_unavailable' | 'erp_timeout' | 'unknown_product' | 'not_applicable';
      message: string;
    };
