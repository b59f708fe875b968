import { ConfigError, type Config } from '../config.ts';
import type { ErpAdapter } from './port.ts';
import { createTrytonAdapter } from './tryton/adapter.ts';

/**
 * Builds the adapter for a configured ERP that lives elsewhere (the sandbox needs a
 * database and is built in bootstrap.ts). Secrets come from `env`, named by the config.
 */
export function createRemoteErp(
  config: Config,
  env: Record<string, string | undefined>,
  deps: { fetch?: typeof fetch } = {},
): ErpAdapter {
  const erp = config.erp;
  if (erp.type === 'sandbox') throw new Error('The sandbox is built from its database, not here.');

  const password = env[erp.passwordEnv];
  if (!password) {
    throw new ConfigError('(environment)', [
      `erp.passwordEnv: the environment variable ${erp.passwordEnv} is not set; export it with the Tryton password of "${erp.username}"`,
    ]);
  }
  return createTrytonAdapter(
    {
      url: erp.url,
      database: erp.database,
      username: erp.username,
      password,
      timeoutMs: erp.timeoutMs,
      warehouses: config.lookup.warehouses,
    },
    { fetch: deps.fetch },
  );
}
