import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BenchUser } from './httpClient.js';

/**
 * Runs the bench's own HTTP client (fetch, JSON) against a trivial local server before any measurement, so that a
 * server's first turn is not charged with the load generator's cold start.
 */
export async function warmUpClient(requests = 300): Promise<void> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end('{"activities":[{"type":"message","text":"ok"}]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const user = new BenchUser(`http://127.0.0.1:${port}`, 'bench-client', 'bench-client');
  for (let index = 0; index < requests; index++) await user.send({ type: 'message', text: 'warm-up' });
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
