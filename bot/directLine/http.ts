import type { Request, Response } from 'restify';
import { isLoopbackRequest, isRelayed } from '../identity/requestIdentity.js';

export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.header('content-type', 'application/json; charset=utf-8');
  res.header('cache-control', 'no-store');
  res.send(body);
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(req: Request): string | null {
  const header = req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header.trim());
  return match ? match[1] : null;
}

/**
 * True for a request made by this machine directly (the bot's connector calling back), not relayed by a
 * reverse proxy: loopback or the server's own address, and no forwarding header.
 */
export function isLocalCaller(req: Request): boolean {
  if (isRelayed(req)) return false;
  return isLoopbackRequest(req) || req.socket.remoteAddress === req.socket.localAddress;
}
