import { describe, expect, it } from 'vitest';
import { sandboxApp } from '../fixtures/app.ts';

describe('the request log', () => {
  it('masks a token pasted into a URL path', async () => {
    const { call, logs, token } = await sandboxApp();
    const jwt = await token({ customer: 'C-1001' });
    await call('GET', `/api/accounts/${jwt}`);
    const line = logs.map((l) => JSON.parse(l)).find((l) => l.event === 'request');
    expect(line.path).toBe('/api/accounts/[token]');
    expect(logs.join('\n')).not.toContain(jwt.split('.')[2]);
  });
});
