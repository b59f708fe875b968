/**
 * Mints a context token the way a CRM's backend would hand one to its page: here from the
 * e2e server's dev-mode GET /api/dev/token, asked from Node, never by the page itself.
 */
export async function mintToken(
  serverUrl: string,
  claims: { customer?: string; deal?: string; scope?: string },
): Promise<string> {
  const query = new URLSearchParams({ scope: claims.scope ?? 'lookup convert' });
  if (claims.customer) query.set('customer', claims.customer);
  if (claims.deal) query.set('deal', claims.deal);

  const response = await fetch(`${serverUrl}/api/dev/token?${query}`);
  if (!response.ok) throw new Error(`the e2e server minted no token: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** The token for a deal as the host pages hand it over: lookups for its customer, conversion for it. */
export function dealToken(
  serverUrl: string,
  deal: { id: string; customerId: string },
): Promise<string> {
  return mintToken(serverUrl, { customer: deal.customerId, deal: deal.id });
}
