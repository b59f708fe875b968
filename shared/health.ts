import { z } from 'zod';

/** What GET /api/health answers: the server and what it depends on. */

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  erp: z.object({ name: z.string(), reachable: z.boolean(), latencyMs: z.number().nullable() }),
  store: z.object({ reachable: z.boolean() }),
});

export type HealthResponse = z.infer<typeof HealthResponse>;
