import { describe, expect, it } from 'vitest';
import { resolveAuthSettings } from '../../server/auth/signing-secret.ts';
import { ConfigError, parseConfig } from '../../server/config.ts';

const secret = 'a-real-secret-from-the-crm-0123456789abcdef';
const node = { runtime: 'node', production: false } as const;

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('settling the token secret and dev mode', () => {
  it('runs in dev mode with a fresh random secret when none is set', () => {
    const first = resolveAuthSettings(parseConfig({}), {}, node);
    const second = resolveAuthSettings(parseConfig({}), {}, node);
    expect(first.devMode).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(first.secret).not.toBe(second.secret);
  });

  it('uses the secret from the named variable and leaves dev mode off', () => {
    const config = parseConfig({ auth: { tokenSecretEnv: 'CRM_TOKEN_KEY' } });
    expect(resolveAuthSettings(config, { CRM_TOKEN_KEY: secret }, node)).toEqual({
      secret,
      devMode: false,
    });
  });

  it('refuses dev mode in production', () => {
    expect(
      problems(() =>
        resolveAuthSettings(parseConfig({}), {}, { runtime: 'node', production: true }),
      )[0],
    ).toMatch(/^auth\.devMode: .*NODE_ENV=production/);
  });

  it('refuses dev mode on the worker even with a secret', () => {
    const config = parseConfig({ auth: { devMode: true } });
    const found = problems(() =>
      resolveAuthSettings(
        config,
        { ERP_LENS_TOKEN_SECRET: secret },
        { runtime: 'worker', production: false },
      ),
    );
    expect(found.join('\n')).toContain('refused on the worker');
  });

  it('refuses dev mode off loopback', () => {
    const config = parseConfig({ server: { host: '0.0.0.0', port: 8787 } });
    expect(problems(() => resolveAuthSettings(config, {}, node))[0]).toContain('loopback');
  });

  it('refuses to start without a secret when dev mode is off', () => {
    const config = parseConfig({ auth: { devMode: false } });
    expect(problems(() => resolveAuthSettings(config, {}, node))[0]).toContain(
      'ERP_LENS_TOKEN_SECRET is not set',
    );
  });

  it('refuses a short secret without repeating it', () => {
    const found = problems(() =>
      resolveAuthSettings(parseConfig({}), { ERP_LENS_TOKEN_SECRET: 'short-secret' }, node),
    );
    expect(found[0]).toContain('shorter than 32');
    expect(found.join('\n')).not.toContain('short-secret');
  });

  it('refuses an allowed origin with a path or a wildcard', () => {
    expect(() =>
      parseConfig({ auth: { allowedOrigins: ['https://crm.example.com/app'] } }),
    ).toThrow(ConfigError);
    expect(() => parseConfig({ auth: { allowedOrigins: ['*'] } })).toThrow(ConfigError);
    expect(
      parseConfig({ auth: { allowedOrigins: ['https://crm.example.com'] } }).auth.allowedOrigins,
    ).toEqual(['https://crm.example.com']);
  });
});
