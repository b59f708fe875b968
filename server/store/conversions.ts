import type { Conversion, ConversionState, ConversionStatus } from '../../shared/api.ts';
import type { SqlDb } from './sql.ts';

/**
 * Conversion records and their audit trail. A record holds the last step completed and a
 * status; a lease says which worker may advance it, so that two processes never run the
 * same conversion at once.
 */

export type Step = Exclude<ConversionState, 'failed'>;
export type Status = ConversionStatus;

export interface ConversionRecord {
  dealId: string;
  step: Step;
  status: Status;
  customerId: string | null;
  orderId: string | null;
  orderNumber: string | null;
  error: { code: string; message: string; retryable: boolean } | null;
  attempts: number;
  /** Epoch ms of the next automatic attempt, while retrying. */
  nextAttemptAt: number | null;
  overrideReason: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  deal_id: string;
  step: Step;
  status: Status;
  customer_id: string | null;
  order_id: string | null;
  order_number: string | null;
  error_code: string | null;
  error_message: string | null;
  error_retryable: number | null;
  attempts: number;
  next_attempt_at: number | null;
  override_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditEntry {
  dealId: string;
  at: string;
  actor: string;
  step: string;
  summary: string;
  before: unknown;
  after: unknown;
}

function fromRow(r: Row): ConversionRecord {
  return {
    dealId: r.deal_id,
    step: r.step,
    status: r.status,
    customerId: r.customer_id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    error:
      r.error_code === null
        ? null
        : {
            code: r.error_code,
            message: r.error_message ?? '',
            retryable: r.error_retryable === 1,
          },
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    overrideReason: r.override_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toConversion(r: ConversionRecord): Conversion {
  return {
    dealId: r.dealId,
    state: r.status === 'failed' || r.status === 'dead' ? 'failed' : r.step,
    status: r.status,
    step: r.step,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    error: r.error,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt === null ? null : new Date(r.nextAttemptAt).toISOString(),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export type Change = Partial<
  Pick<
    ConversionRecord,
    | 'step'
    | 'status'
    | 'customerId'
    | 'orderId'
    | 'orderNumber'
    | 'error'
    | 'nextAttemptAt'
    | 'overrideReason'
  >
> & { attempt?: boolean };

export interface ConversionStore {
  get(dealId: string): Promise<ConversionRecord | null>;
  /** Creates the record if it does not exist yet; returns it either way. */
  open(dealId: string, now: Date): Promise<ConversionRecord>;
  /** Takes the lease if it is free or expired; false when another worker holds it. */
  claim(dealId: string, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  release(dealId: string, owner: string): Promise<void>;
  /** Moves the record and writes its audit entry in one atomic batch. */
  advance(
    dealId: string,
    change: Change,
    audit: Omit<AuditEntry, 'dealId'>,
  ): Promise<ConversionRecord>;
  audit(dealId: string): Promise<AuditEntry[]>;
  /** Conversions whose automatic retry is due, and runs orphaned by a dead process. */
  due(now: Date, limit: number): Promise<string[]>;
  /** Conversions in the given statuses, newest first. */
  list(statuses: Status[], limit: number): Promise<ConversionRecord[]>;
  count(statuses: Status[]): Promise<number>;
}

export function createConversionStore(db: SqlDb): ConversionStore {
  const get = async (dealId: string) => {
    const row = await db.first<Row>('SELECT * FROM conversions WHERE deal_id = ?', [dealId]);
    return row ? fromRow(row) : null;
  };

  return {
    get,

    async open(dealId, now) {
      const at = now.toISOString();
      await db.run(
        `INSERT OR IGNORE INTO conversions (deal_id, step, status, created_at, updated_at)
         VALUES (?, 'received', 'running', ?, ?)`,
        [dealId, at, at],
      );
      return (await get(dealId))!;
    },

    async claim(dealId, owner, now, leaseMs) {
      const t = now.getTime();
      const r = await db.run(
        `UPDATE conversions SET lease_owner = ?, lease_until = ?
         WHERE deal_id = ? AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)`,
        [owner, t + leaseMs, dealId, t, owner],
      );
      return r.changes === 1;
    },

    async release(dealId, owner) {
      await db.run(
        'UPDATE conversions SET lease_owner = NULL, lease_until = NULL WHERE deal_id = ? AND lease_owner = ?',
        [dealId, owner],
      );
    },

    async advance(dealId, change, audit) {
      const sets: string[] = ['updated_at = ?'];
      const params: Array<string | number | null> = [audit.at];
      const put = (column: string, value: string | number | null) => {
        sets.push(`${column} = ?`);
        params.push(value);
      };
      if (change.step !== undefined) put('step', change.step);
      if (change.status !== undefined) put('status', change.status);
      if (change.customerId !== undefined) put('customer_id', change.customerId);
      if (change.orderId !== undefined) put('order_id', change.orderId);
      if (change.orderNumber !== undefined) put('order_number', change.orderNumber);
      if (change.error !== undefined) {
        put('error_code', change.error?.code ?? null);
        put('error_message', change.error?.message ?? null);
        put('error_retryable', change.error ? Number(change.error.retryable) : null);
      }
      if (change.nextAttemptAt !== undefined) put('next_attempt_at', change.nextAttemptAt);
      if (change.overrideReason !== undefined) put('override_reason', change.overrideReason);
      if (change.attempt) sets.push('attempts = attempts + 1');

      await db.batch([
        {
          sql: `UPDATE conversions SET ${sets.join(', ')} WHERE deal_id = ?`,
          params: [...params, dealId],
        },
        {
          sql: `INSERT INTO audit_log (deal_id, at, actor, step, summary, before_json, after_json)
                VALUES (?, ?, ?, ?, ?, ?, ?)`,
          params: [
            dealId,
            audit.at,
            audit.actor,
            audit.step,
            audit.summary,
            audit.before === undefined ? null : JSON.stringify(audit.before),
            audit.after === undefined ? null : JSON.stringify(audit.after),
          ],
        },
      ]);
      return (await get(dealId))!;
    },

    async due(now, limit) {
      // Also the orphans: a run whose process died holds a lease nobody will release.
      const rows = await db.all<{ deal_id: string }>(
        `SELECT deal_id FROM conversions
         WHERE (status = 'retrying' AND next_attempt_at <= ?)
            OR (status = 'running' AND (lease_until IS NULL OR lease_until < ?))
         ORDER BY COALESCE(next_attempt_at, 0) LIMIT ?`,
        [now.getTime(), now.getTime(), limit],
      );
      return rows.map((r) => r.deal_id);
    },

    async list(statuses, limit) {
      const rows = await db.all<Row>(
        `SELECT * FROM conversions WHERE status IN (${statuses.map(() => '?').join(', ')})
         ORDER BY updated_at DESC LIMIT ?`,
        [...statuses, limit],
      );
      return rows.map(fromRow);
    },

    async count(statuses) {
      const row = await db.first<{ n: number }>(
        `SELECT COUNT(*) AS n FROM conversions WHERE status IN (${statuses.map(() => '?').join(', ')})`,
        statuses,
      );
      return row?.n ?? 0;
    },

    async audit(dealId) {
      const rows = await db.all<{
        at: string;
        actor: string;
        step: string;
        summary: string;
        before_json: string | null;
        after_json: string | null;
      }>('SELECT * FROM audit_log WHERE deal_id = ? ORDER BY id', [dealId]);
      return rows.map((r) => ({
        dealId,
        at: r.at,
        actor: r.actor,
        step: r.step,
        summary: r.summary,
        before: r.before_json === null ? null : JSON.parse(r.before_json),
        after: r.after_json === null ? null : JSON.parse(r.after_json),
      }));
    },
  };
}
