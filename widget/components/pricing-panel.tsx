import type { DealLookupResponse, LinePrice, LineResult } from '../../shared/api.ts';
import {
  formatMoney,
  formatPercent,
  formatQuantity,
  formatUnitPrice,
  isZero,
} from '../format-money.ts';
import { AsOf } from './fact-notes.tsx';
import { useLocale } from './locale.ts';

function TierNotes({ price, unit }: { price: LinePrice; unit: string }) {
  const locale = useLocale();
  const { tier, nextTier } = price;

  return (
    <>
      {tier && (
        <div class="muted">
          Tier from {formatQuantity(tier.minQuantity, locale)} {unit}
        </div>
      )}
      {nextTier && (
        <div class="hint">
          from {formatQuantity(nextTier.minQuantity, locale)} {unit}:{' '}
          {formatUnitPrice(nextTier.unitPrice, locale)}
        </div>
      )}
    </>
  );
}

function PricingRow({ line }: { line: LineResult }) {
  const locale = useLocale();
  const unit = line.product?.unit ?? '';
  const name = line.product?.name ?? line.productId;
  const price = line.price;

  if (price.status === 'unavailable') {
    return (
      <tr>
        <th scope="row">{name}</th>
        <td>{formatQuantity(line.quantity, locale)}</td>
        <td colSpan={3} class="unavailable">
          <strong>Price not available.</strong> {price.message}
        </td>
      </tr>
    );
  }

  const value = price.value;
  const discounted = !isZero(value.discountPercent);

  return (
    <tr>
      <th scope="row">
        {name}
        {value.priceList && <div class="muted">{value.priceList}</div>}
      </th>
      <td>
        {formatQuantity(line.quantity, locale)} {unit}
      </td>
      <td>
        <span class="figure">{formatUnitPrice(value.unitPrice, locale)}</span>
        {discounted && (
          <div class="muted">
            list <s>{formatUnitPrice(value.listPrice, locale)}</s>
          </div>
        )}
        <TierNotes price={value} unit={unit} />
      </td>
      <td>{discounted ? `−${formatPercent(value.discountPercent, locale)}` : '—'}</td>
      <td class="figure">
        {formatMoney(value.lineTotal, locale)} <AsOf fact={price} />
      </td>
    </tr>
  );
}

type PricingPanelProps = Pick<DealLookupResponse, 'lines' | 'total'>;

/** The customer's prices next to the list prices, the tiers, and the deal total. */
export function PricingPanel({ lines, total }: PricingPanelProps) {
  const locale = useLocale();

  return (
    <section class="panel" aria-labelledby="pricing-title">
      <h2 id="pricing-title">Prices</h2>
      <table aria-live="polite">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Qty</th>
            <th scope="col">Unit price</th>
            <th scope="col">Discount</th>
            <th scope="col">Line total</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <PricingRow key={line.lineId ?? `${line.productId}-${index}`} line={line} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              Deal total
            </th>
            <td class="figure total">{formatMoney(total.amount, locale)}</td>
          </tr>
          {!total.complete && (
            <tr>
              <td colSpan={5} class="unavailable">
                Some lines could not be priced; the total leaves them out.
              </td>
            </tr>
          )}
        </tfoot>
      </table>
    </section>
  );
}
