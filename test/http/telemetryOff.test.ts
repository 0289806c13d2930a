import fs from 'node:fs';
import type { RunningApp } from '../../bot/app.js';
import { ConfigError, loadConfig } from '../../bot/config.js';
import { startTelemetry } from '../../bot/telemetry/startTelemetry.js';
import { NO_TELEMETRY } from '../../bot/telemetry/telemetry.js';
import { TracedStorage } from '../../bot/telemetry/tracedStores.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

// @opentelemetry/api keeps whatever is registered (context manager, providers) under this global key.
const OTEL_GLOBAL = Symbol.for('opentelemetry.js.api.1');
const registered = () => (globalThis as Record<symbol, unknown>)[OTEL_GLOBAL];

let app: RunningApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDataDir('alize-telemetry-off-');
  app = await startTestServer(dataDir);
});

afterAll(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('telemetry without APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
  test('nothing is started: no exporter, no context manager, the stores are not wrapped', async () => {
    expect(loadConfig({}).telemetry).toBeUndefined();
    expect(await startTelemetry(undefined)).toBe(NO_TELEMETRY);
    const owner = new HttpConversation(app.url);
    expect(texts(await owner.say('bonjour')).join('\n')).toContain(fr.t('common:greeting.hello'));
    expect(app.storage).not.toBeInstanceOf(TracedStorage);
    expect(registered()).toBeUndefined();
  });

  test('a value that is not a connection string stops the start, naming the variable, not quoting it', () => {
    const secretish = 'not-a-connection-string-4f1d';
    let problems: string[] = [];
    try {
      loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: secretish });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('APPLICATIONINSIGHTS_CONNECTION_STRING');
    expect(problems[0]).not.toContain(secretish);
    const ok = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://x.example/';
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: ok }).telemetry).toEqual({
      connectionString: ok,
    });
  });
});
