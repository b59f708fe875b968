import type { AvailabilityLevel, LineResult, WarehouseStock } from '../../shared/api.ts';
import { formatQuantity } from '../format-money.ts';
import { AsOf, Unavailable } from './fact-notes.tsx';
import { useLocale, useMessages } from './locale.ts';

/** A shape per level as well as a colour, so the level reads without colour vision. */
const levelMarks: Record<AvailabilityLevel, string> = {
  in_stock: '●',
  low: '◐',
  partial: '◐',
  out_of_stock: '○',
};

export function AvailabilityBadge({ level }: { level: AvailabilityLevel }) {
  const t = useMessages();

  return (
    <span class={`badge level-${level}`}>
      <span aria-hidden="true">{levelMarks[level]} </span>
      {t.availability.levels[level]}
    </span>
  );
}

function WarehouseRows({ warehouses, unit }: { warehouses: WarehouseStock[]; unit: string }) {
  const locale = useLocale();
  const t = useMessages();

  return (
    <ul class="warehouses">
      {warehouses.map((warehouse) => (
        <li key={warehouse.warehouseId}>
          <span>{warehouse.name}</span>{' '}
          <span class="figure">
            {t.availability.available(formatQuantity(warehouse.available, locale), unit)}
          </span>{' '}
          <span class="muted">
            {t.availability.onHand(formatQuantity(warehouse.onHand, locale))}
          </span>
        </li>
      ))}
    </ul>
  );
}

function AvailabilityLine({ line }: { line: LineResult }) {
  const locale = useLocale();
  const t = useMessages();
  const unit = t.unit(line.product?.unit ?? '');
  const stock = line.stock;

  return (
    <li class="line">
      <div class="line-head">
        <span class="product">{line.product?.name ?? line.productId}</span>
        <span class="muted">
          {t.availability.wanted(formatQuantity(line.quantity, locale), unit)}
        </span>
      </div>

      {stock.status === 'unavailable' ? (
        <Unavailable what={t.availability.stock} message={stock.message} />
      ) : (
        <div>
          <AvailabilityBadge level={stock.value.level} />{' '}
          <span class="figure">
            {t.availability.totalAvailable(
              formatQuantity(stock.value.totalAvailable, locale),
              unit,
            )}
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
  const t = useMessages();

  return (
    <section class="panel availability" aria-labelledby="availability-title">
      <h2 id="availability-title">{t.availability.title}</h2>
      {lines.length === 0 ? (
        <p class="muted">{t.availability.noLines}</p>
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
