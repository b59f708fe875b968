import { ConfigError, type Config } from '../config.ts';

/**
 * Settles, once at start-up, which secret verifies context tokens and whether dev mode is on.
 * Each runtime calls this with what it knows about itself; the worker passes
 * `runtime: 'worker'`, which refuses dev mode whatever the config says.
 */

export interface AuthSettings {
  /** The HS256 key shared with the CRM; never logged, never answered. */
  secret: string;
  /** GET /api/dev/token mints tokens for anyone who can reach the server. */
  devMode: boolean;
}

export interface AuthRuntime {
  runtime: 'node' | 'worker';
  /** NODE_ENV=production, or the worker's own notion of it. */
  production: boolean;
}

/** RFC 7518 section 3.2: an HS256 key is at least as long as the hash, 256 bits. */
export const minSecretLength = 32;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function resolveAuthSettings(
  config: Config,
  env: Record<string, string | undefined>,
  where: AuthRuntime,
): AuthSettings {
  const name = config.auth.tokenSecretEnv;
  const fromEnv = env[name] || undefined;
  // Without a secret nothing but the playground can mint tokens, so that is dev mode.
  const devMode = config.auth.devMode ?? fromEnv === undefined;
  const problems: string[] = [];

  if (devMode && where.runtime === 'worker') {
    problems.push(
      `auth.devMode: dev mode is refused on the worker; set "devMode": false and the secret in ${name}`,
    );
  }
  if (devMode && where.production) {
    problems.push(
      `auth.devMode: dev mode is refused with NODE_ENV=production; set "devMode": false and the secret in ${name}`,
    );
  }
  if (devMode && where.runtime === 'node' && !loopbackHosts.has(config.server.host)) {
    problems.push(
      `auth.devMode: dev mode lets anyone mint tokens, so it only listens on loopback; set server.host to 127.0.0.1 or "devMode": false`,
    );
  }
  if (!devMode && fromEnv === undefined) {
    problems.push(
      `auth.tokenSecretEnv: the environment variable ${name} is not set; export the secret the CRM signs context tokens with`,
    );
  }
  if (fromEnv !== undefined && fromEnv.length < minSecretLength) {
    problems.push(
      `auth.tokenSecretEnv: the secret in ${name} is shorter than ${minSecretLength} characters; use e.g. "openssl rand -base64 48"`,
    );
  }
  if (problems.length > 0) throw new ConfigError('(auth)', problems);

  return { secret: fromEnv ?? randomSecret(), devMode };
}

/** A fresh key per process: dev-mode tokens die with the process, and no default key exists to leak. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(48));
  return btoa(String.fromCharCode(...bytes));
}
