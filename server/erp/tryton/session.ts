/**
 * What every Tryton operation needs: the RPC client, the validated config, and a few helpers
 * for ids and the company currency.
 */
import { ErpRejected, type ErpRefusalCode } from '../errors.ts';
import type { CallOptions } from '../port.ts';
import type { TrytonConfig } from './config.ts';
import type { RpcCallOptions, TrytonContext, TrytonRpc } from './rpc.ts';

export type Row = Record<string, unknown> & { id: number };

export interface Tryton {
  rpc: TrytonRpc;
  config: TrytonConfig;
  /** ISO code of the company currency (Tryton parties have none of their own). */
  companyCurrency(opts?: CallOptions): Promise<string>;
}

/** Port ids are Tryton ids written as decimal strings; anything else names no record. */
export function trytonId(id: string): number | null {
  return /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
}

export function trytonIds(ids: string[]): number[] {
  return [...new Set(ids.map(trytonId).filter((id): id is number => id !== null))];
}

export function rpcOpts(
  opts?: CallOptions,
  context?: TrytonContext,
): RpcCallOptions & { context?: TrytonContext } {
  return { signal: opts?.signal, ...(context ? { context } : {}) };
}

/** `search_read(domain, offset, limit, order, fields)`. */
export function searchRead(
  t: Tryton,
  model: string,
  domain: unknown[],
  fields: string[],
  opts?: CallOptions & {
    limit?: number;
    order?: [string, 'ASC' | 'DESC'][];
    context?: TrytonContext;
  },
): Promise<Row[]> {
  return t.rpc.model<Row[]>(
    model,
    'search_read',
    [domain, 0, opts?.limit ?? null, opts?.order ?? null, fields],
    rpcOpts(opts, opts?.context),
  );
}

/** A dotted read such as `currency.code` comes back as `"currency.": {code}`. */
export function related(row: Row, path: string): unknown {
  const [head, field] = path.split('.') as [string, string];
  const target = row[`${head}.`] as Record<string, unknown> | null | undefined;
  return target ? (target[field] ?? null) : null;
}

export function str(value: unknown): string {
  return value == null ? '' : String(value);
}

export function rejected(code: ErpRefusalCode, message: string): ErpRejected {
  return new ErpRejected(code, message);
}

export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
