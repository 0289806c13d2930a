import type { Server } from 'restify';

/** How long requests under way may take to finish once the server stops, before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 5_000;
const IDLE_SWEEP_MS = 50;

/**
 * Stops accepting connections and resolves once the server is closed: idle keep-alive connections are closed at
 * once, and requests still under way after `graceMs` (a Web Chat poll, a slow client) have their connection cut,
 * so that a stop (SIGTERM, a test's teardown) never waits on a browser that keeps its connection open.
 */
export async function closeServer(server: Server, graceMs: number = SHUTDOWN_GRACE_MS): Promise<void> {
  const http = server.server;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A connection becomes idle when its request ends: close those as they come, not after the keep-alive timeout.
  http.closeIdleConnections();
  const idle = setInterval(() => http.closeIdleConnections(), IDLE_SWEEP_MS);
  const timer = setTimeout(() => http.closeAllConnections(), graceMs);
  idle.unref();
  timer.unref();
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(timer);
  }
}
