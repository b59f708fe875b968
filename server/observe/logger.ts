/**
 * Structured logs: one JSON object per line. The sink is injected so that tests can read
 * what was logged and so that no module writes to the console on its own.
 * Callers pass ids, never secrets or personal data; `redact` is the last line of defence
 * for keys that look like secrets.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const secretKey = /pass(word)?|secret|token|authori[sz]ation|cookie|session|api[-_]?key/i;

export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (secretKey.test(k)) out[k] = '[redacted]';
    else if (v instanceof Error) out[k] = { name: v.name, message: v.message };
    else out[k] = v;
  }
  return out;
}

export function createLogger(
  write: (line: string) => void,
  options: { level?: LogLevel; now?: () => Date } = {},
): Logger {
  const min = order[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());

  const log = (level: LogLevel) =>
    function logAt(event: string, fields: Record<string, unknown> = {}) {
      if (order[level] < min) return;
      write(JSON.stringify({ time: now().toISOString(), level, event, ...redact(fields) }));
    };

  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = createLogger(() => undefined);
