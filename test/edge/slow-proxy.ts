/**
 * A loopback HTTP proxy that holds every request for `delayMs` before passing it on, so the
 * ERP answers after a lookup's deadline. It counts what is in flight, so a test can wait
 * until the worker's late ERP work has finished.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startSlowProxy(target: string, delayMs: number) {
  let inflight = 0;
  let served = 0;
  let lastDone = Date.now();

  const server = createServer((req, res) => {
    inflight += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        await new Promise((r) => setTimeout(r, delayMs));
        const headers: Record<string, string> = {
          'content-type': req.headers['content-type'] ?? 'application/json',
        };
        if (req.headers.authorization) headers.authorization = req.headers.authorization;
        const upstream = await fetch(`${target.replace(/\/+$/, '')}${req.url}`, {
          method: req.method,
          headers,
          body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
        });
        res.writeHead(upstream.status, {
          'content-type': upstream.headers.get('content-type') ?? 'application/json',
        });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      } catch (error) {
        res.writeHead(502).end(String(error));
      } finally {
        inflight -= 1;
        served += 1;
        lastDone = Date.now();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get served() {
      return served;
    },
    /** Resolves once nothing has been in flight for `quietMs`, or throws after `timeoutMs`. */
    async quiet(quietMs = 1_000, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (inflight > 0 || Date.now() - lastDone < quietMs) {
        if (Date.now() > until)
          throw new Error(`the ERP proxy still had ${inflight} requests after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
