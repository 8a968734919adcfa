/** A loopback HTTP server that hostile fixtures point at, so a test can prove that nothing was requested. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running canary: its origin, every request path it saw and how many connections were opened (non-HTTP too). */
export interface Canary {
  origin: string;
  requests: string[];
  readonly connections: number;
  close(): Promise<void>;
}

/** A real 1×1 PNG, so an image that does get through actually loads (and a test cannot miss it). */
const PIXEL = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082', 'hex');

/** Starts a canary on 127.0.0.1 on a free port; it answers every request with the pixel and records it. */
export async function startCanary(): Promise<Canary> {
  const requests: string[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
    res.end(PIXEL);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
