import type { AvailabilityLevel, LineResult, WarehouseStock } from '../../shared/api.ts';
import { formatQuantity } from '../format-money.ts';
import { AsOf, Unavailable } from './fact-notes.tsx';
import { useLocale } from './locale.ts';

const levelWords: Record<AvailabilityLevel, string> = {
  in_stock: 'In stock',
  low: 'Low',
  partial: 'Partial',
  out_of_stock: 'Out of stock',
};

export function AvailabilityBadge({ level }: { level: AvailabilityLevel }) {
  return <span class={`badge level-${level}`}>{levelWords[level]}</span>;
}

function WarehouseRows({ warehouses, unit }: { warehouses: WarehouseStock[]; unit: string }) {
  const locale = useLocale();

  return (
    <ul class="warehouses">
      {warehouses.map((warehouse) => (
        <li key={warehouse.warehouseId}>
          <span>{warehouse.name}</span>{' '}
          <span class="figure">
            {formatQuantity(warehouse.available, locale)} {unit} available
          </span>{' '}
          <span class="muted">({formatQuantity(warehouse.onHand, locale)} on hand)</span>
        </li>
      ))}
    </ul>
  );
}

function AvailabilityLine({ line }: { line: LineResult }) {
  const locale = useLocale();
  const unit = line.product?.unit ?? '';
  const stock = line.stock;

  return (
    <li class="line">
      <div class="line-head">
        <span class="product">{line.product?.name ?? line.productId}</span>
        <span class="muted">
          {formatQuantity(line.quantity, locale)} {unit} wanted
        </span>
      </div>

      {stock.status === 'unavailable' ? (
        <Unavailable what="Stock" message={stock.message} />
      ) : (
        <div>
          <AvailabilityBadge level={stock.value.level} />{' '}
          <span class="figure">
            {formatQuantity(stock.value.totalAvailable, locale)} {unit} available in total
          </span>{' '}
          <AsOf fact={stock} />
          <WarehouseRows warehouses={stock.value.warehouses} unit={unit} />
        </div>
      )}
    </li>
  );
}

/** Stock per warehouse for every line, with a badge that says its level in words. */
export function AvailabilityPanel({ lines }: { lines: LineResult[] }) {
  return (
    <section class="panel" aria-labelledby="availability-title">
      <h2 id="availability-title">Availability</h2>
      {lines.length === 0 ? (
        <p class="muted">No lines on this deal yet.</p>
      ) : (
        <ul class="lines" aria-live="polite">
          {lines.map((line, index) => (
            <AvailabilityLine key={line.lineId ?? `${line.productId}-${index}`} line={line} />
          ))}
        </ul>
      )}
    </section>
  );
}
