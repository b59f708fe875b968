/**
 * Small helpers over the RPC client for the seed: create/write/find, buttons, wizards, and
 * accepting the warnings Tryton raises along the way.
 */
import { ErpRejected } from '../../server/erp/errors.ts';
import type { TrytonFault } from '../../server/erp/tryton/faults.ts';
import type { TrytonRpc } from '../../server/erp/tryton/rpc.ts';

export type Values = Record<string, unknown>;
export type Row = Values & { id: number };

export function seedClient(rpc: TrytonRpc) {
  async function create(model: string, values: Values[], context: Values = {}): Promise<number[]> {
    return accepting(() => rpc.model<number[]>(model, 'create', [values], { context }));
  }

  async function createOne(model: string, values: Values, context: Values = {}): Promise<number> {
    const [id] = await create(model, [values], context);
    if (id === undefined) throw new Error(`${model}.create returned no id`);
    return id;
  }

  async function write(model: string, ids: number[], values: Values): Promise<void> {
    await accepting(() => rpc.model(model, 'write', [ids, values]));
  }

  async function button(model: string, name: string, ids: number[]): Promise<void> {
    await accepting(() => rpc.model(model, name, [ids]));
  }

  async function find(
    model: string,
    domain: unknown[],
    fields: string[] = [],
    context: Values = {},
  ) {
    return rpc.model<Row[]>(model, 'search_read', [domain, 0, null, null, fields], { context });
  }

  async function findOne(model: string, domain: unknown[], fields: string[] = []): Promise<Row> {
    const [row] = await find(model, domain, fields);
    if (!row) throw new Error(`no ${model} matches ${JSON.stringify(domain)}`);
    return row;
  }

  async function xmlId(module: string, fsId: string): Promise<number> {
    const row = await findOne(
      'ir.model.data',
      [
        ['module', '=', module],
        ['fs_id', '=', fsId],
      ],
      ['db_id'],
    );
    return Number(row.db_id);
  }

  /**
   * Runs a call, accepting the warnings Tryton raises on the way (e.g. a back-dated invoice's
   * payment date in the past) the way the desktop client does: a res.user.warning, then again.
   */
  async function accepting<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const fault = error instanceof ErpRejected ? (error.cause as TrytonFault) : null;
        if (!fault?.warningName || attempt >= 5) throw error;
        const user = await rpc.userId();
        await rpc.model('res.user.warning', 'create', [
          [{ user, name: fault.warningName, always: false }],
        ]);
      }
    }
  }

  /**
   * A wizard session. `go(state)` submits the forms filled so far and runs `state`; the answer is
   * the next view (its state name and defaults) or the end.
   */
  async function openWizard(name: string, active?: { model: string; ids: number[] }) {
    const extra = active
      ? { active_model: active.model, active_id: active.ids[0], active_ids: active.ids }
      : {};
    const [session] = await rpc.call<[number, string, string]>(`wizard.${name}.create`, (ctx) => [
      { ...ctx, ...extra },
    ]);
    const forms: Record<string, Values> = {};

    return {
      forms,
      async go(state: string): Promise<{ state: string; defaults: Values }> {
        const answer = await accepting(() =>
          rpc.call<{ view?: { state?: string; defaults?: Values } }>(
            `wizard.${name}.execute`,
            (ctx) => [session, forms, state, { ...ctx, ...extra }],
          ),
        );
        const next = answer?.view?.state ?? 'end';
        const defaults = withoutDotted(answer?.view?.defaults ?? {});
        if (next !== 'end') forms[next] = { ...defaults };
        return { state: next, defaults };
      },
      async close(): Promise<void> {
        await rpc.call(`wizard.${name}.delete`, (ctx) => [session, { ...ctx, ...extra }]);
      },
    };
  }

  /** View defaults carry `"company.": {rec_name}` keys that Tryton refuses on the way back. */
  function withoutDotted(values: Values): Values {
    return Object.fromEntries(Object.entries(values).filter(([key]) => !key.includes('.')));
  }

  return { create, createOne, write, button, find, findOne, xmlId, accepting, openWizard };
}
