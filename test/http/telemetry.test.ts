import fs from 'node:fs';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { RunningApp } from '../../bot/app.js';
import { startOpenTelemetry } from '../../bot/telemetry/otelSdk.js';
import type { Telemetry } from '../../bot/telemetry/telemetry.js';
import { callApi } from '../support/committeeApiClient.js';
import { SUBMIT, walkApplication, walkEligibility } from '../support/applicationWalk.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

// The real OpenTelemetry SDK, exporting to its own in-memory exporters instead of Application Insights.
const TOKEN = 'telemetry-test-token-5c2e9a71d04b83f6';
const spans = new InMemorySpanExporter();
const metrics = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metrics, exportIntervalMillis: 3_600_000 });
let telemetry: Telemetry;
let app: RunningApp;
let dataDir: string;
let owner: HttpConversation;

// What the applicant typed, or who they are: none of it may reach an attribute, a span name or a metric.
const personal = () => [
  'marie.dupont@exemple.fr',
  'marie.dupont',
  '06 12 34 56 78',
  '0612345678',
  '+33612345678',
  '73282932000074',
  '732 829 320 00074',
  'Mécanique Cévenole',
  'Dupont',
  'Crédit Agricole',
  owner.userId,
  owner.conversationId,
  TOKEN,
];

beforeAll(async () => {
  telemetry = startOpenTelemetry({ spanProcessor: new SimpleSpanProcessor(spans), metricReader: reader });
  dataDir = tempDataDir('alize-telemetry-');
  app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN }, { telemetry });
  owner = new HttpConversation(app.url);
  expect(await walkEligibility(owner)).toContain(fr.t('eligibility:verdict.OK'));
  await walkApplication(owner);
  expect(texts((await owner.post(SUBMIT)).replies).join('\n')).toContain('ALZ-2026-0001');
  const bearer = { authorization: `Bearer ${TOKEN}` };
  expect((await callApi(app.url, '/api/applications?status=received', bearer)).status).toBe(200);
  expect((await callApi(app.url, '/api/applications/ALZ-2026-0001', bearer)).status).toBe(200);
  expect((await callApi(app.url, '/api/applications/ALZ-2026-0001')).status).toBe(401);
  await reader.forceFlush();
}, 120_000);

afterAll(async () => {
  await app.close();
  await telemetry.shutdown();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const named = (name: string) => spans.getFinishedSpans().filter((span) => span.name === name);

describe('telemetry with an exporter', () => {
  test('one span per turn, with the channel, the activity type, the dialog and the outcome', () => {
    const turns = named('turn');
    // The warm-up turns, the greeting, the eligibility check (its declarations one attestation), the file and
    // its submission: 38 turns.
    expect(turns.length).toBeGreaterThan(30);
    const submitted = turns.filter((span) =>
      String(span.attributes['alize.dialog'] ?? '').includes('application'),
    );
    expect(submitted.length).toBeGreaterThan(10);
    expect(turns[turns.length - 1].attributes).toMatchObject({
      'alize.channel': 'emulator',
      'alize.activity_type': 'message',
      'alize.turn.outcome': 'saved',
    });
  });

  test('storage reads and writes are spans of their turn, with the back end and the kinds of keys', () => {
    const reads = named('storage read');
    const writes = named('storage write');
    expect(reads.length).toBeGreaterThan(0);
    expect(writes.length).toBeGreaterThan(0);
    const kinds = new Set(writes.flatMap((span) => span.attributes['alize.storage.key_kinds'] as string[]));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['application', 'conversation', 'user']));
    expect(writes.every((span) => span.attributes['db.system'] === 'lowdb')).toBe(true);
    const turnIds = new Set(named('turn').map((span) => span.spanContext().spanId));
    expect(writes.some((span) => turnIds.has(span.parentSpanContext?.spanId ?? ''))).toBe(true);
  });

  test('the committee API: a server span per request, with its route template and status, not the query', () => {
    const api = spans.getFinishedSpans().filter((span) => span.name.startsWith('GET /api/applications'));
    const seen = api.map((span) => [span.name, span.attributes['http.response.status_code']]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['GET /api/applications', 200],
        ['GET /api/applications/:reference', 200],
        ['GET /api/applications/:reference', 401],
      ]),
    );
    expect(JSON.stringify(api.map((span) => span.attributes))).not.toMatch(/status=|ALZ-2026/);
  });

  test('metrics count turns and time storage and HTTP requests', () => {
    const names = metrics
      .getMetrics()
      .flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics))
      .map((metric) => metric.descriptor.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'alize.turns',
        'alize.turn.duration',
        'alize.storage.duration',
        'http.server.request.duration',
      ]),
    );
  });

  test('no span, attribute or metric holds what the applicant typed or an id of theirs', () => {
    const everything = JSON.stringify([
      spans
        .getFinishedSpans()
        .map((span: ReadableSpan) => [span.name, span.attributes, span.events, span.status]),
      metrics.getMetrics().map((resource) => resource.scopeMetrics),
    ]);
    for (const value of personal()) expect([value, everything.includes(value)]).toEqual([value, false]);
  });
});
