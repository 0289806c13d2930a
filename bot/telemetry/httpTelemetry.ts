import type { Request, Response, Server } from 'restify';
import type { Telemetry } from './telemetry.js';

/**
 * One server span per request, named by its route template once restify has matched it: `GET
 * /api/applications/:reference`, with the status; never the path, the query or the body.
 */
export function registerHttpTelemetry(server: Server, telemetry: Telemetry): void {
  if (!telemetry.enabled) return;
  server.pre((req: Request, res: Response, next: () => void) => {
    const span = telemetry.startHttp(req.method ?? 'GET');
    res.once('finish', () => span.end({ route: routeOf(req), status: res.statusCode }));
    res.once('close', () => span.end({ route: routeOf(req), status: res.statusCode }));
    void span.within(async () => next());
  });
}

function routeOf(req: Request): string {
  const route = req.getRoute?.() as { path?: unknown } | undefined;
  const path = route?.path;
  if (typeof path === 'string') return path;
  if (path instanceof RegExp) return path.source;
  return 'unmatched';
}
