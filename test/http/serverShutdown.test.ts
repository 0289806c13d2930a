import http from 'node:http';
import type { AddressInfo } from 'node:net';
import restify, { type Request, type Response } from 'restify';
import { closeServer } from '../../bot/serverShutdown.js';

/** A request that the server never answers, as a Web Chat poll or a stalled client holds one open. */
function hangingRequest(url: string): Promise<'cut' | 'answered'> {
  return new Promise((resolve) => {
    const request = http.get(`${url}/hang`, (response) => {
      response.resume();
      response.on('end', () => resolve('answered'));
      response.on('error', () => resolve('cut'));
    });
    request.on('error', () => resolve('cut'));
  });
}

describe('stopping the server (a deployment, SIGTERM)', () => {
  it('stops although a client holds a request open, and cuts that request instead of waiting for it', async () => {
    const server = restify.createServer({ handleUncaughtExceptions: false });
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    server.get('/hang', async (_req: Request, _res: Response) => {
      arrived();
      await new Promise(() => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outcome = hangingRequest(url);
    await requestArrived;

    await closeServer(server, 50);

    await expect(outcome).resolves.toBe('cut');
    expect(server.server.listening).toBe(false);
  });

  it('lets a request under way finish within the grace period', async () => {
    const server = restify.createServer({ handleUncaughtExceptions: false });
    let release!: () => void;
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    server.get('/hang', async (_req: Request, res: Response) => {
      arrived();
      await new Promise<void>((resolve) => (release = resolve));
      res.send(200, { ok: true });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outcome = hangingRequest(url);
    await requestArrived;

    const closing = closeServer(server, 60_000);
    release();

    await expect(outcome).resolves.toBe('answered');
    await closing;
  });
});
