import { resolveAuthSettings } from '../../server/auth/signing-secret.ts';
import { ConfigError } from '../../server/config.ts';
import { configSource, loadConfigFile } from './load-config.ts';
import { probeErp } from './probe-erp.ts';

/**
 * `erp-lens check-config [file]`: what `npm start` checks, without starting, plus a probe
 * of the ERP. Prints a short report; returns 1 on any problem.
 */

interface Io {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

export async function checkConfig(file: string | undefined, io: Io): Promise<number> {
  const source = configSource(file, io.env);
  let config;
  try {
    config = loadConfigFile(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err.write(`${error.message}\n`);
    return 1;
  }

  const m = config.mapping;
  io.out.write(
    [
      `Configuration ${source ?? '(defaults)'} is valid.`,
      `  server    http://${config.server.host}:${config.server.port}/`,
      `  erp       ${config.erp.type}; crm ${config.crm.type}; store ${config.store.path}`,
      `  lookup    deadline ${config.lookup.deadlineMs} ms; currencies ${config.lookup.currencies.join(', ')}; warehouses ${config.lookup.warehouses?.join(', ') ?? 'all'}`,
      `  mapping   ${Object.keys(m.invoiceStates).length} invoice states, ${Object.keys(m.productIds).length} product ids, ${Object.keys(m.paymentTerms).length} payment terms, ${Object.keys(m.customers.groups).length} customer groups; won: ${m.wonStages.join(', ')}`,
      '',
    ].join('\n'),
  );

  // What start-up refuses beyond the file itself: dev mode off loopback or in production,
  // a missing or short token secret.
  try {
    resolveAuthSettings(config, io.env, {
      runtime: 'node',
      production: io.env.NODE_ENV === 'production',
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err.write(`${error.message}\n`);
    return 1;
  }

  const probe = await probeErp(config, io.env);
  (probe.ok ? io.out : io.err).write(`${probe.line}\n`);
  if (!probe.ok) return 1;

  const unknown = (config.lookup.warehouses ?? []).filter(
    (w) => probe.warehouses && !probe.warehouses.some((x) => x.id === w || x.code === w),
  );
  if (unknown.length > 0) {
    io.err.write(
      `lookup.warehouses: ${unknown.join(', ')} not in the ERP, which has ${probe.warehouses!.map((w) => w.code).join(', ')}; fix the list\n`,
    );
    return 1;
  }
  return 0;
}
