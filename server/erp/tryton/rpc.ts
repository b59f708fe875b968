/**
 * A JSON-RPC client for Tryton 6.0 over `fetch` alone, so it runs on Node and on an edge worker.
 *
 * Sessions: one login (`common.db.login`), then `Authorization: Session base64(user:id:key)` on
 * every call and the user's preferences as the context (the last param of every model call).
 * A 401 with an empty body means the session expired: log in again and retry the call once.
 * Concurrent callers share one login; there is never more than one in flight, because every
 * failed login slows the next one down and the seventh locks the user out (tryton.md §4).
 */
import { ErpError, ErpUnavailable } from '../errors.ts';
import { decodeValue } from './codec.ts';
import { faultFromHttp, faultFromRpcError } from './faults.ts';

export interface TrytonRpcOptions {
  /** Server root, e.g. `http://127.0.0.1:8000`. */
  url: string;
  database: string;
  username: string;
  password: string;
  /** Per HTTP request, login included. */
  timeoutMs?: number;
  language?: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface RpcCallOptions {
  signal?: AbortSignal | undefined;
}

export type TrytonContext = Record<string, unknown>;

interface Session {
  userId: number;
  key: string;
  context: TrytonContext;
}

/** Methods that cannot have committed anything, so a timeout on them is never ambiguous. */
const READ_ONLY =
  /\.(read|search|search_read|search_count|on_change|on_change_with|get_preferences|login|version)$/;

export class TrytonRpc {
  readonly endpoint: string;
  #options: Required<Omit<TrytonRpcOptions, 'fetch' | 'now'>>;
  #fetch: typeof fetch;
  #now: () => number;
  #session: Promise<Session> | null = null;
  #nextId = 1;

  constructor(options: TrytonRpcOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/${encodeURIComponent(options.database)}/`;
    this.#options = {
      url: options.url,
      database: options.database,
      username: options.username,
      password: options.password,
      timeoutMs: options.timeoutMs ?? 10_000,
      language: options.language ?? 'en',
    };
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#now = options.now ?? Date.now;
  }

  /** `model.<name>.<method>` with the session's context (plus `extra`) as the last param. */
  async model<T = unknown>(
    model: string,
    method: string,
    args: unknown[],
    opts: RpcCallOptions & { context?: TrytonContext } = {},
  ): Promise<T> {
    const name = `model.${model}.${method}`;
    return this.#withSession(name, opts, (session) => [
      ...args,
      { ...session.context, ...opts.context },
    ]);
  }

  /** A wizard or other call whose params already end with the context. */
  async call<T = unknown>(
    method: string,
    params: (context: TrytonContext) => unknown[],
    opts: RpcCallOptions = {},
  ): Promise<T> {
    return this.#withSession(method, opts, (session) => params(session.context));
  }

  /** The logged-in user's preferences (company, language, groups ...), logging in if needed. */
  async context(opts: RpcCallOptions = {}): Promise<TrytonContext> {
    return (await this.#ensureSession(opts)).context;
  }

  async userId(opts: RpcCallOptions = {}): Promise<number> {
    return (await this.#ensureSession(opts)).userId;
  }

  /** Forgets the session, e.g. where Tryton wants a fresh one (posting invoices). */
  async logout(opts: RpcCallOptions = {}): Promise<void> {
    const current = this.#session;
    this.#session = null;
    if (!current) return;

    const session = await current.catch(() => null);
    if (session) await this.#post('common.db.logout', [], session, opts).catch(() => undefined);
  }

  async #withSession<T>(
    method: string,
    opts: RpcCallOptions,
    params: (session: Session) => unknown[],
  ): Promise<T> {
    const pending = this.#ensureSession(opts);
    const session = await pending;
    try {
      return (await this.#post(method, params(session), session, opts)) as T;
    } catch (error) {
      if (!(error instanceof SessionExpired)) throw error;
    }

    if (this.#session === pending) this.#session = null;
    const fresh = await this.#ensureSession(opts);
    try {
      return (await this.#post(method, params(fresh), fresh, opts)) as T;
    } catch (error) {
      if (!(error instanceof SessionExpired)) throw error;
      throw new ErpUnavailable(`Tryton ${method} refused a fresh session (HTTP 401)`, {
        cause: error,
      });
    }
  }

  #ensureSession(opts: RpcCallOptions): Promise<Session> {
    if (!this.#session) {
      const login = this.#login(opts);
      this.#session = login;
      // A failed login is not remembered: the next call tries again.
      login.catch(() => {
        if (this.#session === login) this.#session = null;
      });
    }
    return this.#session;
  }

  async #login(opts: RpcCallOptions): Promise<Session> {
    const { username, password, language } = this.#options;
    const result = await this.#post(
      'common.db.login',
      [username, { password }, language],
      null,
      opts,
    );
    if (!Array.isArray(result) || typeof result[0] !== 'number' || typeof result[1] !== 'string') {
      throw new ErpUnavailable(`Tryton common.db.login answered no session for user ${username}`);
    }

    const partial: Session = { userId: result[0], key: result[1], context: {} };
    const prefs = await this.#post('model.res.user.get_preferences', [true, {}], partial, opts);
    return { ...partial, context: (prefs ?? {}) as TrytonContext };
  }

  async #post(
    method: string,
    params: unknown[],
    session: Session | null,
    opts: RpcCallOptions,
  ): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (session) {
      headers.authorization = `Session ${btoa(`${this.#options.username}:${session.userId}:${session.key}`)}`;
    }
    const id = this.#nextId++;
    const timeout = AbortSignal.timeout(this.#options.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;

    let response: Response;
    let body: string;
    try {
      response = await this.#fetch(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ id, method, params }),
        signal,
      });
      body = await response.text();
    } catch (error) {
      throw this.#transportError(method, error, timeout, opts.signal);
    }

    if (response.status === 401 && session && body.trim() === '') throw new SessionExpired(method);
    if (response.status !== 200) {
      throw faultFromHttp(method, response.status, body, response.headers, this.#now);
    }

    let payload: { result?: unknown; error?: unknown };
    try {
      payload = JSON.parse(body) as typeof payload;
    } catch (error) {
      throw new ErpUnavailable(`Tryton ${method} answered something that is not JSON`, {
        ambiguous: !READ_ONLY.test(method),
        cause: error,
      });
    }
    if (payload.error !== undefined && payload.error !== null) {
      throw faultFromRpcError(method, payload.error);
    }
    return decodeValue(payload.result);
  }

  #transportError(
    method: string,
    error: unknown,
    timeout: AbortSignal,
    callerSignal: AbortSignal | undefined,
  ): ErpError {
    const where = `Tryton ${method} at ${this.endpoint}`;
    // Once the request may have left, a write may have committed even though we saw no answer.
    const ambiguous = !READ_ONLY.test(method);

    if (callerSignal?.aborted) {
      return new ErpUnavailable(`${where} was aborted by the caller`, {
        ambiguous,
        cause: callerSignal.reason,
      });
    }
    if (timeout.aborted) {
      return new ErpUnavailable(`${where} did not answer within ${this.#options.timeoutMs} ms`, {
        ambiguous,
        cause: error,
      });
    }
    // fetch rejects with a TypeError whose cause names the socket error (undici). A refused or
    // unresolvable connection sent nothing; a reset may have come after the request left.
    const cause =
      error instanceof Error ? (error.cause as { code?: string; message?: string }) : undefined;
    const neverSent = /^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)$/.test(
      cause?.code ?? '',
    );
    const reason = cause?.code ?? cause?.message ?? String(error);
    return new ErpUnavailable(`${where} is unreachable (${reason})`, {
      ambiguous: ambiguous && !neverSent,
      cause: error,
    });
  }
}

/** Internal signal: the session was refused, log in again. */
class SessionExpired extends Error {
  override name = 'SessionExpired';
  constructor(method: string) {
    super(`Tryton ${method}: session expired`);
  }
}
