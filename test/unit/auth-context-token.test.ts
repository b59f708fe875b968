import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../server/auth/errors.ts';
import { mintContextToken, verifyContextToken } from '../../server/auth/context-token.ts';

const secret = 'unit-test-secret-0123456789abcdef-0123456789';
const now = new Date('2026-03-02T10:00:00Z');
const at = Math.floor(now.getTime() / 1000);

const claims = (overrides: Record<string, unknown> = {}) => ({
  sub: 'rep-7',
  aud: 'erp-lens',
  scope: 'lookup',
  customer: 'C-1001',
  iat: at,
  exp: at + 600,
  ...overrides,
});

async function refusal(token: string, when = now): Promise<AuthError> {
  const error = await verifyContextToken(token, secret, when).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('context tokens', () => {
  it('mints a token that verifies to its claims', async () => {
    const { token, expiresAt } = await mintContextToken(
      { sub: 'rep-7', scopes: ['lookup', 'convert'], customer: 'C-1001', deal: 'D-1003' },
      secret,
      { now },
    );
    const verified = await verifyContextToken(token, secret, now);
    expect(verified).toMatchObject({
      sub: 'rep-7',
      scope: ['lookup', 'convert'],
      customer: 'C-1001',
      deal: 'D-1003',
    });
    expect(expiresAt).toBe('2026-03-02T10:10:00.000Z');
  });

  it('never mints a token that lives longer than 15 minutes', async () => {
    const { token } = await mintContextToken({ sub: 'rep-7', scopes: ['lookup'] }, secret, {
      now,
      ttlSeconds: 3600,
    });
    const verified = await verifyContextToken(token, secret, now);
    expect(verified.exp - verified.iat).toBe(900);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await sign(claims(), 'another-secret-0123456789abcdef-012345', 'HS256');
    const error = await refusal(forged);
    expect(error.code).toBe('unauthorized');
    expect(error.message).not.toContain(forged);
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const token = await sign(claims(), secret, 'HS256');
    const [header, , signature] = token.split('.');
    const payload = btoa(JSON.stringify(claims({ customer: 'C-1002' }))).replace(/=+$/, '');
    expect((await refusal(`${header}.${payload}.${signature}`)).code).toBe('unauthorized');
  });

  it('refuses an unsigned token with alg none', async () => {
    const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims())}.`;
    expect((await refusal(token)).code).toBe('unauthorized');
  });

  it('refuses a token signed with HS512 even with the right secret', async () => {
    const token = await sign(claims(), secret, 'HS512');
    expect((await refusal(token)).code).toBe('unauthorized');
  });

  it('answers an expired token with token_expired', async () => {
    const token = await sign(claims({ iat: at - 900, exp: at - 60 }), secret, 'HS256');
    expect((await refusal(token)).code).toBe('token_expired');
  });

  it('refuses a token that lives longer than 15 minutes', async () => {
    const token = await sign(claims({ exp: at + 901 }), secret, 'HS256');
    const error = await refusal(token);
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('15 minutes');
  });

  it('refuses a token issued in the future', async () => {
    const token = await sign(claims({ iat: at + 300, exp: at + 600 }), secret, 'HS256');
    expect((await refusal(token)).message).toContain('not valid yet');
  });

  it.each([
    ['without an expiry', { exp: undefined }],
    ['without an issue time', { iat: undefined }],
    ['for another audience', { aud: 'someone-else' }],
    ['without a subject', { sub: undefined }],
    ['with an unknown scope', { scope: 'admin' }],
    ['with an empty scope', { scope: ' ' }],
    ['with a scope as a number', { scope: 7 }],
    ['with a customer id as an object', { customer: { $ne: null } }],
  ])('refuses a token %s', async (_name, overrides) => {
    const token = await sign(claims(overrides) as Parameters<typeof sign>[0], secret, 'HS256');
    expect((await refusal(token)).code).toBe('unauthorized');
  });

  it.each(['', 'abc', 'a.b.c', 'x'.repeat(5000), '..', 'eyJhbGciOiJIUzI1NiJ9.e30.'])(
    'refuses a malformed token %#',
    async (token) => {
      expect((await refusal(token)).code).toBe('unauthorized');
    },
  );
});
