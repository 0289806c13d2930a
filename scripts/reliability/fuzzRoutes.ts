import { HOSTILE_TEXTS, ODD_ATTACHMENTS, ODD_CARD_VALUES, ODD_VALUES } from './hostileValues.js';
import { ACTIVITY_TYPES, JSON_HEADERS, type FuzzInput, type FuzzTargets } from './fuzzTypes.js';
import type { SeededRandom } from './seededRandom.js';

/** Inputs for the routes other than /api/messages: Direct Line, token, web page and assets, committee API. */
export function directLinePost(r: SeededRandom, t: FuzzTargets): FuzzInput {
  const body = r.pick<unknown>([
    { type: 'message', text: r.pick(HOSTILE_TEXTS.filter((text) => text.length <= 10_000)) },
    { type: 'message', text: 'y'.repeat(10_001) },
    { type: 'message', value: r.pick(ODD_CARD_VALUES) },
    { type: 'message', attachments: r.pick(ODD_ATTACHMENTS) },
    { type: r.pick(ACTIVITY_TYPES), text: 'x' },
    { type: 'event', name: r.pick(['webchat/join', 'x'.repeat(300), '']), value: r.pick(ODD_VALUES) },
    {
      type: 'message',
      text: 'ok',
      channelData: r.pick(ODD_VALUES),
      entities: r.pick(ODD_VALUES),
      from: r.pick(ODD_VALUES),
    },
    r.pick(ODD_VALUES),
  ]);
  const token = r.chance(0.85)
    ? t.directLine.token
    : r.pick(['', 'x', `${t.directLine.token}x`, 'a'.repeat(600)]);
  const conversationId = r.chance(0.9)
    ? t.directLine.conversationId
    : r.pick(['dl-nope', '%00', 'x'.repeat(300)]);
  return {
    category: 'Direct Line posts',
    method: 'POST',
    path: `/v3/directline/conversations/${conversationId}/activities`,
    headers: { ...JSON_HEADERS, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    expect: 'any',
  };
}

export function directLineOther(r: SeededRandom, t: FuzzTargets): FuzzInput {
  const token = r.pick([t.directLine.token, '', 'garbage', 'Bearer', `${t.directLine.token} extra`]);
  const route = r.pick([
    [
      'POST',
      '/api/directline/token',
      JSON.stringify(
        r.pick<unknown>([{}, { userId: r.pick(ODD_VALUES) }, { userId: 'dl_x' }, { fresh: 'yes' }, []]),
      ),
    ],
    ['POST', '/v3/directline/tokens/generate', JSON.stringify({ user: r.pick(ODD_VALUES) })],
    ['POST', '/v3/directline/tokens/refresh', '{}'],
    ['POST', '/v3/directline/conversations', JSON.stringify({ locale: r.pick(ODD_VALUES) })],
    ['GET', `/v3/directline/conversations/${t.directLine.conversationId}`, undefined],
    [
      'GET',
      `/v3/directline/conversations/${t.directLine.conversationId}/activities?watermark=${r.pick(['', '-1', 'abc', '99999999999999999999', '1e9', '%00'])}`,
      undefined,
    ],
    [
      'POST',
      `/directline-callback/v3/conversations/${r.pick([t.directLine.conversationId, 'nope'])}/activities`,
      JSON.stringify(r.pick<unknown>([{ type: 'message', text: '<b>x</b>' }, {}, { type: 5 }, []])),
    ],
  ] as const);
  return {
    category: 'Direct Line and token routes',
    method: route[0],
    path: route[1],
    headers: { ...JSON_HEADERS, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: route[2],
    expect: 'any',
  };
}

export function webRoute(r: SeededRandom): FuzzInput {
  return {
    category: 'health, page and web assets',
    method: r.pick(['GET', 'GET', 'HEAD']),
    path: r.pick([
      '/healthz',
      '/',
      '/?lang=en',
      '/?lang=%00<script>',
      '/?lang=x'.padEnd(3000, 'x'),
      '/webchat/webchat.js',
      '/webchat/page.js',
      '/webchat/page.css',
      '/api/../etc/passwd',
      '/%E0%A4%A',
      '/api/messages/%00',
      '/v3/directline',
    ]),
    headers: r.pick<Record<string, string>>([
      {},
      { 'if-none-match': r.pick(['"x"', '*', '']) },
      { 'accept-encoding': 'gzip, br' },
      { range: 'bytes=0-10' },
    ]),
    expect: 'any',
  };
}

export function committeeRoute(r: SeededRandom, t: FuzzTargets): FuzzInput {
  const token = r.pick([t.committeeToken, '', 'wrong', `${t.committeeToken}x`]);
  const [method, path] = r.pick([
    ['GET', `/api/applications?status=${r.pick(['received', 'nope', '', '%00', '__proto__'])}`],
    [
      'GET',
      `/api/applications?limit=${r.pick(['1', '0', '-1', '1e9', '%00', '500', '501'])}&cursor=${r.pick(['', 'MTpBTFotMjAyNi0wMDAx', '%FF', 'x'.repeat(300), 'MTpBTFo='])}`,
    ],
    ['GET', '/api/applications.csv'],
    ['GET', '/api/openapi.json'],
    [
      'GET',
      `/api/applications/${r.pick(['ALZ-2026-0001', '../../etc/passwd', 'ALZ-2026-07', '%2e%2e', 'x'.repeat(500)])}`,
    ],
    ['PATCH', `/api/applications/${r.pick(['ALZ-2026-0001', 'nope'])}`],
  ] as const);
  return {
    category: 'committee API',
    method,
    path,
    headers: {
      ...JSON_HEADERS,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'PATCH'
        ? { 'if-match': r.pick(['"x"', '*', '', 'W/"x"', '"a", "b"', '"', 'x'.repeat(900)]) }
        : {}),
    },
    body:
      method === 'PATCH' ? JSON.stringify({ status: r.pick(ODD_VALUES), by: r.pick(ODD_VALUES) }) : undefined,
    expect: 'any',
  };
}
