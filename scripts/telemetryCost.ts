/**
 * `node dist/scripts/telemetryCost.js [on]`: start-up to ready, then 40 turns over HTTP, with or without
 * APPLICATIONINSIGHTS_CONNECTION_STRING (its exporter pointed at an unreachable endpoint); prints one JSON line.
 * Recorded in docs/benchmarks.md (issue 20).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';

const on = process.argv[2] === 'on';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-telemetry-cost-'));
const env: Record<string, string> = {
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  RATE_LIMIT_PER_MINUTE: '0',
};
if (on) {
  env.APPLICATIONINSIGHTS_CONNECTION_STRING =
    'InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:9/';
}
const started = performance.now();
const app = await startApp(loadConfig(env));
await app.ready;
const readyMs = performance.now() - started;
const turnsStarted = performance.now();
for (let i = 0; i < 40; i++) {
  const activity = {
    type: 'message',
    text: i % 2 ? 'aide' : 'menu',
    channelId: 'emulator',
    conversation: { id: `c${i % 4}` },
    from: { id: `u${i % 4}` },
    recipient: { id: 'bot' },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
  };
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await response.text();
}
const turnsMs = performance.now() - turnsStarted;
await app.close();
fs.rmSync(dir, { recursive: true, force: true });
const rssMiB = Math.round(process.memoryUsage().rss / 1048576);
console.log(
  JSON.stringify({ telemetry: on, readyMs: Math.round(readyMs), msPer40Turns: Math.round(turnsMs), rssMiB }),
);
process.exit(0);
