import type { DealLine, DealStage } from '../../shared/api.ts';

/** The deal as a host hands it over, by attributes, by the `deal` property or by message. */
export interface EmbeddedDeal {
  /** The CRM's deal id; without it the widget shows figures but cannot convert. */
  id?: string | null;
  customerId: string;
  currency: string;
  stage?: DealStage | null;
  lines: DealLine[];
}

export function readLines(value: unknown): DealLine[] {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(parsed)) return [];

  return parsed.filter(
    (line): line is DealLine =>
      typeof line?.productId === 'string' && typeof line?.quantity === 'string',
  );
}

export function readStage(value: unknown): DealStage | null {
  return value === 'open' || value === 'won' || value === 'lost' ? value : null;
}

/** Whatever a host or a message sent, as a deal the widget can use; null if it is not one. */
export function readDeal(value: unknown): EmbeddedDeal | null {
  if (typeof value !== 'object' || value === null) return null;

  const raw = value as Record<string, unknown>;
  if (typeof raw.customerId !== 'string' || typeof raw.currency !== 'string') return null;

  return {
    id: typeof raw.id === 'string' && raw.id ? raw.id : null,
    customerId: raw.customerId,
    currency: raw.currency,
    stage: readStage(raw.stage),
    lines: readLines(raw.lines),
  };
}
