import { createServer } from 'node:http';
import { freePort } from './free-port.ts';

export interface HostServer {
  origin: string;
  stop: () => Promise<void>;
}

/** A CRM page of our own on another loopback origin: path -> HTML, read at each request. */
export async function startHostServer(pages: Record<string, string>): Promise<HostServer> {
  const port = await freePort();
  const server = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page ?? 'not here');
  });
  await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));

  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
