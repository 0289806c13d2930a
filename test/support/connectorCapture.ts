import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  conversationId: string;
  activity: { type?: string; text?: string; locale?: string };
}

/**
 * A stand-in for a channel's connector service (what a Bot Framework serviceUrl points at): it accepts the
 * activities the bot sends proactively (`POST /v3/conversations/{id}/activities`) and keeps them, so a test can
 * read what the user would receive. With `status` (a failing channel), it keeps them and answers that status.
 */
export async function startConnectorCapture(options: { status?: number } = {}): Promise<{
  url: string;
  received: CapturedActivity[];
  close: () => Promise<void>;
}> {
  const received: CapturedActivity[] = [];
  const server = http.createServer((req, res) => {
    const match = req.url?.match(/\/v3\/conversations\/([^/]+)\/activities/);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'POST' && match) {
        received.push({ conversationId: decodeURIComponent(match[1]), activity: JSON.parse(body) });
        if (options.status && options.status >= 400) {
          res.writeHead(options.status, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"ServiceError","message":"refused by the test"}}');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `captured-${received.length}` }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
