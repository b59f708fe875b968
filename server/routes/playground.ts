import { Hono } from 'hono';
import { z } from 'zod';
import { DealInput } from '../../shared/api.ts';
import type { PlaygroundCrm } from '../crm/playground/adapter.ts';
import { RequestError } from '../errors.ts';
import { parseBody, parseParam } from './parse.ts';

const DealId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64');

/** The playground's CRM: deals the playground page edits and the widget reads. */
export function playgroundRoutes(deps: { crm: PlaygroundCrm; now: () => Date }) {
  return new Hono()
    .get('/deals', async (c) => c.json({ deals: await deps.crm.listDeals() }))
    .get('/deals/:id', async (c) => {
      const id = parseParam(c.req.param('id'), DealId, 'deal id');
      const deal = await deps.crm.getDeal(id);
      if (!deal)
        throw new RequestError('not_found', 404, `There is no deal "${id}" in the playground.`);
      return c.json({ deal });
    })
    .put('/deals/:id', async (c) => {
      const id = parseParam(c.req.param('id'), DealId, 'deal id');
      const input = await parseBody(c, DealInput);
      return c.json({ deal: await deps.crm.saveDeal(id, input, deps.now()) });
    });
}
