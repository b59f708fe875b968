/**
 * CRM product ids or SKUs to ERP product ids, through `mapping.productIds`. An id the map
 * does not name is passed on as it is, since many CRMs hold the ERP's code already.
 */
export function erpProductId(map: Record<string, string>, crmId: string): string {
  return map[crmId] ?? crmId;
}
