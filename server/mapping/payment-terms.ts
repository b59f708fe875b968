/**
 * CRM payment terms to the ERP's, through `mapping.paymentTerms`. An empty map means the
 * integrator left terms to the ERP; a term missing from a non-empty map is reported rather
 * than passed on, since an ERP given an unknown term either refuses or picks a default.
 */
export function mapPaymentTerms(
  map: Record<string, string>,
  crmTerms: string | null | undefined,
): { ok: true; terms: string | null } | { ok: false; message: string } {
  if (!crmTerms || Object.keys(map).length === 0) return { ok: true, terms: null };
  const terms = map[crmTerms];
  if (terms) return { ok: true, terms };
  return {
    ok: false,
    message: `Payment terms "${crmTerms}" have no ERP counterpart; add them to mapping.paymentTerms or change them in the CRM.`,
  };
}
