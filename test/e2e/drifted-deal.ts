import type { Deal, Preflight } from '../../shared/api.ts';
import { mintToken } from './dev-token.ts';

/**
 * Gives a playground deal's first line an agreed price 10 % under the ERP's price now, as a
 * rep would have typed it in the CRM, so the pre-flight check warns of a price drift.
 * Returns the deal price and the ERP price, as decimal strings.
 */
export async function driftFirstLine(serverUrl: string, dealId: string) {
  const token = await mintToken(serverUrl, { deal: dealId, scope: 'lookup convert' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const ask = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${serverUrl}${path}`, { ...init, headers });
    if (!response.ok)
      throw new Error(
        `${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${await response.text()}`,
      );
    return (await response.json()) as T;
  };

  const check = await ask<Preflight>(`/api/deals/${dealId}/preflight`);
  const erpPrice = check.lines[0]?.erpPrice?.amount;
  if (!erpPrice)
    throw new Error(`the pre-flight check of ${dealId} has no ERP price for its first line`);
  const dealPrice = (Number(erpPrice) * 0.9).toFixed(2);

  const { deal } = await ask<{ deal: Deal }>(`/api/playground/deals/${dealId}`);
  const lines = deal.lines.map((line, i) => (i === 0 ? { ...line, unitPrice: dealPrice } : line));
  // DealInput is the deal without what the CRM keeps to itself.
  const input: Record<string, unknown> = { ...deal, lines };
  for (const key of ['id', 'erpOrderNumber', 'updatedAt']) delete input[key];
  await ask(`/api/playground/deals/${dealId}`, { method: 'PUT', body: JSON.stringify(input) });

  return { dealPrice, erpPrice };
}
