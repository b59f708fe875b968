import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, parseConfig, type Config } from '../../server/config.ts';

/**
 * Finds and validates the config file the way the server does: the given path, else
 * $ERP_LENS_CONFIG, else ./erp-lens.config.json when present, else the defaults.
 */
export function configSource(given: string | undefined, env: NodeJS.ProcessEnv): string | null {
  return (
    given ??
    (env.ERP_LENS_CONFIG || undefined) ??
    (existsSync('erp-lens.config.json') ? 'erp-lens.config.json' : null)
  );
}

/** Throws ConfigError with every problem. */
export function loadConfigFile(path: string | null): Config {
  if (!path) return parseConfig({});

  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [
      `the file cannot be read: ${(error as Error).message} (check the path)`,
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [
      `the file is not JSON: ${(error as Error).message} (fix the syntax)`,
    ]);
  }
  return parseConfig(raw, path);
}
