/**
 * Turns Tryton's failures into the ERP error family, in one place.
 *
 * Tryton 6.0 answers a business refusal with HTTP 200 and `{"error":["UserError",[message,
 * description, domain]]}`, a warning with `{"error":["UserWarning",[name, message, description]]}`,
 * a programming error (unknown model or field) with a stringified KeyError such as
 * `["'no.such.model'", ""]`, and everything outside the RPC layer (bad login, unknown method,
 * login rate limit) as an HTML page with 401/403/429. See shared/erp/tryton.md §4.
 */
import { ErpError, ErpRejected, ErpUnavailable, type ErpRefusalCode } from '../errors.ts';

/** What Tryton said, kept as the `cause` of the error we throw, for callers that need it. */
export interface TrytonFault {
  method: string;
  /** "UserError", "UserWarning", "ConcurrencyException", or the raw first element. */
  type: string;
  message: string;
  description: string;
  /** The warning's name, which a person could accept (res.user.warning). */
  warningName: string | null;
}

/**
 * Our refusal word for a Tryton message. Tryton has no error codes, only translated texts, so
 * this reads the English texts of account_credit_limit and of ModelStorage's missing-record
 * check (the API user's language is "en").
 */
export function refusalCode(message: string): ErpRefusalCode {
  if (/credit limit/i.test(message)) return 'credit_blocked';
  const missing = /records? "[^"]*" of "([^"]+)" that don't exist/i.exec(message);
  if (missing && /product|variant/i.test(missing[1] ?? '')) return 'unknown_product';
  if (missing && /party/i.test(missing[1] ?? '')) return 'unknown_customer';
  return 'erp_rejected';
}

export function faultFromRpcError(method: string, error: unknown): ErpError {
  const [kind, args] = Array.isArray(error) ? error : [String(error), []];
  const list = Array.isArray(args) ? args.map((a) => (a == null ? '' : String(a))) : [String(args)];
  const type = String(kind);

  if (type === 'UserError') {
    const fault = makeFault(method, type, list[0] ?? '', list[1] ?? '', null);
    return new ErpRejected(refusalCode(fault.message), describe(fault), { cause: fault });
  }

  // A warning is a question for a person ("accept and continue?"). The adapter never accepts
  // one on the rep's behalf, so it is a refusal like a UserError. The API user is kept out of
  // the "Credit Limit" group so that the credit check is a UserError anyway (tryton.md §4).
  if (type === 'UserWarning') {
    const fault = makeFault(method, type, list[1] ?? '', list[2] ?? '', list[0] ?? null);
    return new ErpRejected(refusalCode(fault.message), describe(fault), { cause: fault });
  }

  const fault = makeFault(method, type, list[0] ?? type, list[1] ?? '', null);

  // Another transaction changed the record, or SQLite was locked past trytond's own retries.
  if (
    type === 'ConcurrencyException' ||
    /OperationalError|database is locked/i.test(type + fault.message)
  ) {
    return new ErpUnavailable(`Tryton ${method} hit a concurrent change: ${fault.message}`, {
      cause: fault,
    });
  }

  // `'no_such_field'`: a stringified KeyError, i.e. a module is not activated or our call is
  // wrong. Neither retrying nor showing it to a rep helps.
  return new ErpError(`Tryton ${method} failed: ${type} ${fault.message}`.trim(), {
    retryable: false,
    cause: fault,
  });
}

export function faultFromHttp(
  method: string,
  status: number,
  body: string,
  headers: Headers,
  now: () => number,
): ErpUnavailable {
  const retryAfterSeconds = status === 429 || status === 503 ? parseRetryAfter(headers, now) : null;
  const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
  const what = title ?? `HTTP ${status}`;

  let hint = '';
  if (status === 401 && method === 'common.db.login')
    hint = ': check the Tryton username and password';
  else if (status === 429) hint = ': too many failed logins, wait before trying again';
  else if (status === 403) hint = ': the method is not callable over RPC';

  return new ErpUnavailable(`Tryton ${method} answered ${what}${hint}`, {
    // A 5xx may come after the transaction committed; 4xx answers are given before any work.
    ambiguous: status >= 500,
    retryAfterSeconds,
    cause: { method, status, body: body.slice(0, 500) },
  });
}

/** Retry-After as seconds (RFC 9110 §10.2.3: delay-seconds or an HTTP-date). */
export function parseRetryAfter(headers: Headers, now: () => number): number | null {
  const raw = headers.get('retry-after')?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return Number(raw);

  const at = Date.parse(raw);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now()) / 1000));
}

function makeFault(
  method: string,
  type: string,
  message: string,
  description: string,
  warningName: string | null,
): TrytonFault {
  return { method, type, message, description, warningName };
}

function describe(fault: TrytonFault): string {
  return fault.description ? `${fault.message} ${fault.description}` : fault.message;
}
