import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerAnswerTo } from './companyRegisterFixtures.js';

export interface LocalRegister {
  /** The root to give as COMPANY_LOOKUP_URL. */
  url: string;
  /** Every query string received, to check that only the SIRET or the name left the server. */
  received: URLSearchParams[];
  close: () => Promise<void>;
}

/** A local API Recherche d'entreprises on loopback, answering GET /search from the fixtures. */
export async function startLocalRegister(): Promise<LocalRegister> {
  const received: URLSearchParams[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== '/search') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"erreur":"Not found"}');
      return;
    }
    received.push(url.searchParams);
    const answer = registerAnswerTo(url.searchParams.get('q') ?? '');
    const send = () => {
      timers.delete(timer);
      if (response.destroyed) return;
      const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(body);
    };
    const timer = setTimeout(send, answer.delayMs ?? 0);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
