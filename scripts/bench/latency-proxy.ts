import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A loopback HTTP proxy that holds every request for a set time before passing it on:
 * a slow network in front of a real ERP (Tryton), for the bench.
 */
export async function startLatencyProxy(
  target: string,
): Promise<{ url: string; setLatency(ms: number): void; close(): Promise<void> }> {
  let latencyMs = 0;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    await new Promise((r) => setTimeout(r, latencyMs));
    try {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && k !== 'host') headers[k] = v;
      const upstream = await fetch(`${target}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      res.end(body);
    } catch {
      res.writeHead(502).end();
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    setLatency: (ms) => (latencyMs = ms),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
