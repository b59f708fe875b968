/**
 * The playground plays the CRM, so it also plays the CRM's token minting: in dev mode the
 * server's GET /api/dev/token signs context tokens for whoever asks. A real CRM signs them
 * itself with the shared secret (README, "Security"). Tokens are kept until a minute before
 * they expire.
 */

export interface DevTokenClaims {
  customer?: string;
  deal?: string;
  scope: string;
}

interface Minted {
  token: string;
  expiresAt: string;
}

const renewBeforeMs = 60_000;

export function createDevTokens(
  serverUrl: string,
  doFetch: typeof fetch = (...args) => fetch(...args),
) {
  const minted = new Map<string, Promise<Minted>>();

  async function mint(claims: DevTokenClaims): Promise<Minted> {
    const query = new URLSearchParams({ scope: claims.scope });
    if (claims.customer) query.set('customer', claims.customer);
    if (claims.deal) query.set('deal', claims.deal);
    const response = await doFetch(`${serverUrl.replace(/\/+$/, '')}/api/dev/token?${query}`);
    if (!response.ok)
      throw new Error(`the server minted no dev token (HTTP ${response.status}); is dev mode on?`);
    return (await response.json()) as Minted;
  }

  return {
    get: async function devToken(claims: DevTokenClaims): Promise<string> {
      const key = JSON.stringify(claims);
      let pending = minted.get(key);
      const current = pending ? await pending.catch(() => null) : null;
      if (!current || Date.parse(current.expiresAt) - Date.now() < renewBeforeMs) {
        pending = mint(claims);
        minted.set(key, pending);
        pending.catch(() => minted.delete(key));
      }
      return (await pending!).token;
    },
  };
}

export type DevTokens = ReturnType<typeof createDevTokens>;
