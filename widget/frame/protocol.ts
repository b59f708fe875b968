import type { ConvertedDetail, LookupDetail } from '../elements/deal-element.ts';

/**
 * The messages between the iframe page (frame.html) and the CRM page around it. Every
 * message is a plain object whose `type` starts with `erp-lens:`.
 *
 * The CRM page sends:
 * - `erp-lens:deal`    { deal: { id?, customerId, currency, stage?, lines } }
 * - `erp-lens:locale`  { locale: "de-DE" }
 * - `erp-lens:token`   { token } (a context token; never put it in the frame's URL)
 *
 * The frame sends, only ever to the embedding page's own origin:
 * - `erp-lens:ready`     { version: 1 } once it listens
 * - `erp-lens:height`    { height } in CSS pixels, whenever its content changes height
 * - `erp-lens:lookup`    the `lookup` event's detail
 * - `erp-lens:converted` { dealId, orderNumber }
 */
export type ParentMessage =
  | { type: 'erp-lens:deal'; deal: unknown }
  | { type: 'erp-lens:locale'; locale: string }
  | { type: 'erp-lens:token'; token: string };

export type FrameMessage =
  | { type: 'erp-lens:ready'; version: 1 }
  | { type: 'erp-lens:height'; height: number }
  | ({ type: 'erp-lens:lookup' } & LookupDetail)
  | ({ type: 'erp-lens:converted' } & ConvertedDetail);

/** Pipedrive's custom panels take 100 to 750 px; other CRMs fit inside the same range. */
export const minHeight = 100;
export const maxHeight = 750;

export function clampHeight(height: number): number {
  return Math.min(maxHeight, Math.max(minHeight, Math.ceil(height)));
}

/** Reads a message's shape; anything that is not one of ours is null, and ignored. */
export function readParentMessage(data: unknown): ParentMessage | null {
  if (typeof data !== 'object' || data === null) return null;

  const message = data as Record<string, unknown>;
  if (message.type === 'erp-lens:deal' && 'deal' in message) {
    return { type: 'erp-lens:deal', deal: message.deal };
  }
  if (message.type === 'erp-lens:locale' && typeof message.locale === 'string') {
    return { type: 'erp-lens:locale', locale: message.locale };
  }
  if (message.type === 'erp-lens:token' && typeof message.token === 'string') {
    return { type: 'erp-lens:token', token: message.token };
  }
  return null;
}

export function looksLikeOurs(data: unknown): boolean {
  const type = (data as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('erp-lens:');
}
