import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { durationMs, type Healthcheck } from './dockerfile.js';

/** The started image's checks for `npm run docker:rehearse`: HEALTHCHECK, the page, stopping, sizes. */
export async function waitHealthy(
  check: Healthcheck,
  cwd: string,
  env: NodeJS.ProcessEnv,
  app: ChildProcess,
): Promise<{ ok: true; ms: number } | { ok: false; reason: string }> {
  const started = Date.now();
  const timeout = durationMs(check.options.timeout, 30_000);
  // Docker forgives failures during the start period, then allows `retries` more at each interval.
  const deadline =
    started + durationMs(check.options['start-period'], 0) + Number(check.options.retries ?? 3) * 5_000;
  let last = '';
  while (Date.now() < deadline) {
    if (app.exitCode !== null) return { ok: false, reason: `the app exited with ${app.exitCode}` };
    const result = spawnSync(check.command[0], check.command.slice(1), {
      cwd,
      env,
      timeout,
      encoding: 'utf8',
    });
    if (result.status === 0) return { ok: true, ms: Date.now() - started };
    last = `exit ${result.status ?? result.signal}`;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return { ok: false, reason: `still failing (${last}) after ${Date.now() - started} ms` };
}

/** The page and every local script and style it names: a file the image forgot (the Web Chat bundle) fails here. */
export async function pageAssets(base: string): Promise<string[]> {
  const page = await fetch(`${base}/`);
  if (page.status !== 200) throw new Error(`GET / answered ${page.status}`);
  const html = await page.text();
  const urls = [
    ...html.matchAll(/<script[^>]*\ssrc="(\/[^"]+)"|<link[^>]*rel="stylesheet"[^>]*href="(\/[^"]+)"/g),
  ].map((m) => (m[1] ?? m[2]).replace(/&amp;/g, '&'));
  for (const url of urls) {
    const response = await fetch(base + url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  }
  return urls.map((url) => url.split('?')[0]);
}

export function stop(app: ChildProcess): Promise<number | null> {
  if (app.exitCode !== null) return Promise.resolve(app.exitCode);
  return new Promise((resolve) => {
    const kill = setTimeout(() => app.kill('SIGKILL'), 15_000);
    app.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    app.kill('SIGTERM');
  });
}

export function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
