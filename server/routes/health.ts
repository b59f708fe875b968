import { Hono } from 'hono';
import type { HealthResponse } from '../../shared/api.ts';
import type { ErpAdapter } from '../erp/port.ts';

/** Liveness plus a look at what the server depends on; 503 when the ERP or store is down. */
export function healthRoutes(deps: {
  erp: ErpAdapter;
  storeHealthy: () => Promise<boolean>;
  version: string;
}) {
  return new Hono().get('/health', async (c) => {
    const started = Date.now();
    const signal = AbortSignal.timeout(1500);
    const erpUp = await deps.erp.ping({ signal }).then(
      () => true,
      () => false,
    );
    const latencyMs = erpUp ? Date.now() - started : null;
    const storeUp = await deps.storeHealthy().catch(() => false);
    const body: HealthResponse = {
      status: erpUp && storeUp ? 'ok' : 'degraded',
      version: deps.version,
      erp: { name: deps.erp.name, reachable: erpUp, latencyMs },
      store: { reachable: storeUp },
    };
    return c.json(body, erpUp && storeUp ? 200 : 503);
  });
}
