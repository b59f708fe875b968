import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config.ts';

describe('configuration', () => {
  it('defaults to the embedded sandbox with a two-second deadline', () => {
    const c = parseConfig({});
    expect(c.erp).toEqual({ type: 'sandbox', path: 'data/sandbox.sqlite' });
    expect(c.lookup.deadlineMs).toBe(2000);
  });

  it('lists every problem with its path', () => {
    try {
      parseConfig(
        {
          erp: { type: 'tryton', url: 'nope' },
          lookup: { deadlineMs: -1, currencies: ['euro'] },
          extra: 1,
        },
        'test.json',
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('erp.url');
      expect(problems).toContain('erp.database');
      expect(problems).toContain('lookup.deadlineMs');
      expect(problems).toContain('lookup.currencies.0');
      expect(problems).toContain('unknown key(s) "extra"');
      expect((error as Error).message).toContain('test.json');
    }
  });

  it('names the environment variable for a password, never the password', () => {
    const c = parseConfig({
      erp: { type: 'tryton', url: 'http://127.0.0.1:8000', database: 'crm', username: 'erplens' },
    });
    expect(c.erp).toMatchObject({ passwordEnv: 'TRYTON_PASSWORD' });
    expect(() =>
      parseConfig({
        erp: {
          type: 'tryton',
          url: 'http://127.0.0.1:8000',
          database: 'crm',
          username: 'u',
          password: 'x',
        },
      }),
    ).toThrow(/password/);
  });
});
