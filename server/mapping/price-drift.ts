import { dec } from '../money.ts';

/**
 * How far a price agreed in the CRM is from the ERP's price now, in percent of the ERP's,
 * and whether that is past `lookup.priceDriftPercent`. A zero ERP price drifts by any
 * non-zero CRM price.
 */
export function priceDrift(
  crmPrice: string,
  erpPrice: string,
  tolerancePercent: string,
): { percent: string; drifted: boolean } {
  const erp = dec(erpPrice);
  const difference = dec(crmPrice).minus(erp).abs();
  if (erp.eq(0))
    return { percent: difference.eq(0) ? '0.00' : '100.00', drifted: !difference.eq(0) };

  const percent = difference.div(erp.abs()).times(100);
  return { percent: percent.toFixed(2), drifted: percent.gt(tolerancePercent) };
}
