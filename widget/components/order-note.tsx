import { useRef } from 'preact/hooks';
import { useMessages } from './locale.ts';

/**
 * True once the deal differs from how it looked when its order number first showed up. The
 * widget cannot read the order's own lines, so an edit made before this page opened goes
 * unnoticed; a CRM that kept the converted version could tell (not in the contract yet).
 */
export function useChangedSinceOrder(orderNumber: string | null, version: string): boolean {
  const seen = useRef<{ orderNumber: string; version: string } | null>(null);

  if (!orderNumber) {
    seen.current = null;
    return false;
  }
  if (seen.current?.orderNumber !== orderNumber) seen.current = { orderNumber, version };

  return seen.current.version !== version;
}

export interface OrderNoteProps {
  orderNumber: string;
  /** The rep changed lines, quantities or stage since the order was made. */
  changed: boolean;
}

/** The deal is an ERP order already: its figures include it, and edits do not reach it. */
export function OrderNote({ orderNumber, changed }: OrderNoteProps) {
  const t = useMessages();

  return (
    <div class="order-note" role="status">
      <p class="success">
        <span aria-hidden="true">✓ </span>
        {t.order.included(orderNumber)}
      </p>
      {changed && (
        <p class="warning">
          <span aria-hidden="true">⚠ </span>
          <strong>{t.order.changed(orderNumber)}</strong>
        </p>
      )}
    </div>
  );
}
