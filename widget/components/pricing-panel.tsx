import type { DealLookupResponse, LinePrice, LineResult } from '../../shared/api.ts';
import {
  formatMoney,
  formatPercent,
  formatQuantity,
  formatUnitPrice,
  isZero,
} from '../format-money.ts';
import { AsOf } from './fact-notes.tsx';
import { useLocale, useMessages } from './locale.ts';

function TierNotes({ price, unit }: { price: LinePrice; unit: string }) {
  const locale = useLocale();
  const t = useMessages();
  const { tier, nextTier } = price;

  return (
    <>
      {tier && (
        <div class="muted">
          {t.pricing.tierFrom(formatQuantity(tier.minQuantity, locale), unit)}
        </div>
      )}
      {nextTier && (
        <div class="hint">
          {t.pricing.nextTier(
            formatQuantity(nextTier.minQuantity, locale),
            unit,
            formatUnitPrice(nextTier.unitPrice, locale),
          )}
        </div>
      )}
    </>
  );
}

function PricingRow({ line }: { line: LineResult }) {
  const locale = useLocale();
  const t = useMessages();
  const unit = t.unit(line.product?.unit ?? '');
  const name = line.product?.name ?? line.productId;
  const price = line.price;

  if (price.status === 'unavailable') {
    return (
      <tr>
        <th scope="row">{name}</th>
        <td>{formatQuantity(line.quantity, locale)}</td>
        <td colSpan={2} class="unavailable">
          <strong>{t.pricing.priceNotAvailable}</strong> {price.message}
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
      <td class="quantity">
        {formatQuantity(line.quantity, locale)} {unit}
      </td>
      <td>
        <span class="figure unit-price">{formatUnitPrice(value.unitPrice, locale)}</span>
        {value.agreedPrice && (
          <>
            {' '}
            <span class="agreed">
              {t.pricing.agreed(formatUnitPrice(value.agreedPrice, locale))}
            </span>
          </>
        )}
        {discounted && (
          <div class="muted">
            {t.pricing.list} <s>{formatUnitPrice(value.listPrice, locale)}</s>{' '}
            <span class="discount">−{formatPercent(value.discountPercent, locale)}</span>
          </div>
        )}
        <TierNotes price={value} unit={unit} />
      </td>
      <td class="figure line-total">
        {formatMoney(value.lineTotal, locale)} <AsOf fact={price} />
      </td>
    </tr>
  );
}

type PricingPanelProps = Pick<DealLookupResponse, 'lines' | 'total'>;

/** The customer's prices next to the list prices, the tiers, and the deal total. */
export function PricingPanel({ lines, total }: PricingPanelProps) {
  const locale = useLocale();
  const t = useMessages();

  return (
    <section class="panel pricing" aria-labelledby="pricing-title">
      <h2 id="pricing-title">{t.pricing.title}</h2>
      <table aria-live="polite">
        <thead>
          <tr>
            <th scope="col">{t.pricing.product}</th>
            <th scope="col">{t.pricing.quantity}</th>
            <th scope="col">{t.pricing.unitPrice}</th>
            <th scope="col">{t.pricing.lineTotal}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <PricingRow key={line.lineId ?? `${line.productId}-${index}`} line={line} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t.pricing.dealTotal}
            </th>
            <td class="figure total">{formatMoney(total.amount, locale)}</td>
          </tr>
          {!total.complete && (
            <tr>
              <td colSpan={4} class="unavailable">
                {t.pricing.incomplete}
              </td>
            </tr>
          )}
        </tfoot>
      </table>
    </section>
  );
}
