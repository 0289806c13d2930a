import { committeeRoute, directLineOther, directLinePost, webRoute } from './fuzzRoutes.js';
import {
  ACTIVITY_TYPES,
  JSON_HEADERS,
  type Expectation,
  type FuzzInput,
  type FuzzTargets,
} from './fuzzTypes.js';
import {
  HOSTILE_TEXTS,
  malformedBodies,
  ODD_ATTACHMENTS,
  ODD_CARD_VALUES,
  ODD_VALUES,
  pollutingBodies,
} from './hostileValues.js';
import type { SeededRandom } from './seededRandom.js';

export type { Expectation, FuzzInput, FuzzTargets } from './fuzzTypes.js';

type Generator = (random: SeededRandom, targets: FuzzTargets) => FuzzInput;

/** A well-formed French message of one of the live conversations, replies in the HTTP response. */
function baseActivity(random: SeededRandom, targets: FuzzTargets): Record<string, unknown> {
  const conversation = random.pick(targets.conversations);
  return {
    type: 'message',
    text: 'bonjour',
    channelId: 'emulator',
    conversation: { id: conversation.id },
    from: { id: conversation.userId },
    recipient: { id: 'bot' },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
  };
}

const messages = (body: unknown, category: string, expect: Expectation): FuzzInput => ({
  category,
  method: 'POST',
  path: '/api/messages',
  headers: JSON_HEADERS,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  expect,
});

const FIELDS = [
  'type',
  'conversation',
  'from',
  'recipient',
  'channelId',
  'text',
  'locale',
  'attachments',
  'membersAdded',
  'timestamp',
  'localTimestamp',
  'serviceUrl',
  'deliveryMode',
  'value',
  'entities',
  'channelData',
  'name',
  'replyToId',
  'id',
  'textFormat',
  'suggestedActions',
  'expiration',
];

const GENERATORS: [number, Generator][] = [
  [
    6,
    (r, t) =>
      messages(r.pick(malformedBodies(JSON.stringify(baseActivity(r, t)))), 'malformed JSON', 'client-error'),
  ],
  [
    3,
    (r) => ({
      category: 'not JSON',
      method: 'POST',
      path: '/api/messages',
      headers: {
        'content-type': r.pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/octet-stream',
          'multipart/form-data; boundary=x',
          'application/xml',
        ]),
      },
      body: r.pick(['bonjour', 'type=message&text=x', '<activity type="message"/>', '--x\r\n\r\n--x--']),
      expect: 'client-error',
    }),
  ],
  [
    10,
    (r, t) => {
      const activity = baseActivity(r, t);
      for (let n = r.int(1, 3); n > 0; n -= 1) activity[r.pick(FIELDS)] = r.pick(ODD_VALUES);
      return messages(activity, 'wrong types', 'any');
    },
  ],
  [
    6,
    (r, t) => {
      // Each channel has its own code paths (Teams mentions and group chats, Web Chat, Direct Line).
      const activity = baseActivity(r, t);
      activity.channelId = r.pick(['msteams', 'webchat', 'directline', 'slack', 'facebook', 'test']);
      activity.text = r.pick(['<at>AliZé</at> aide', 'aide', ...HOSTILE_TEXTS.slice(0, 12)]);
      activity.conversation = {
        ...(activity.conversation as object),
        conversationType: r.pick(['personal', 'channel', 'groupChat', 5, null]),
        isGroup: r.pick(ODD_VALUES),
        tenantId: r.pick(ODD_VALUES),
      };
      activity.channelData = r.pick([
        { tenant: { id: 5 } },
        { team: null },
        { eventType: 'teamMemberAdded' },
        'x',
        [],
        null,
      ]);
      activity.entities = r.pick([
        [{ type: 'mention', text: '<at>AliZé</at>', mentioned: { id: 'bot' } }],
        [{ type: 'mention' }],
        [{ type: 'mention', mentioned: null, text: 5 }],
        [null],
        {},
        'mention',
      ]);
      activity.from = r.pick([
        activity.from,
        { ...(activity.from as object), aadObjectId: r.pick(ODD_VALUES), role: 5 },
      ]);
      if (r.chance(0.3)) {
        activity.type = 'conversationUpdate';
        activity.membersAdded = r.pick([
          [{ id: 'bot' }],
          [{ id: 'bot' }, null],
          [{}],
          [{ id: 'u', name: 5 }],
        ]);
        activity.membersRemoved = r.pick(ODD_VALUES);
      }
      return messages(activity, 'channels and Teams shapes', 'any');
    },
  ],
  [
    5,
    (r, t) => {
      const activity = baseActivity(r, t);
      delete activity[r.pick(['type', 'conversation', 'from', 'channelId'])];
      return messages(activity, 'missing conversation/from/type/channel', 'client-error');
    },
  ],
  [
    6,
    (r, t) => {
      const type = r.pick(ACTIVITY_TYPES);
      const activity: Record<string, unknown> = {
        ...baseActivity(r, t),
        type,
        name: r.pick(['adaptiveCard/action', 'signin/verifyState', 'x', 'task/fetch']),
      };
      if (type === 'conversationUpdate')
        activity.membersAdded = r.pick([[{ id: 'someone' }], [], ['x'], [{ id: 5 }]]);
      if (r.chance(0.4)) {
        // As a channel sends it: the answer (an invoke's status, replies) goes back through the connector.
        delete activity.deliveryMode;
        activity.serviceUrl = t.connectorUrl;
      }
      return messages(activity, 'unknown and odd activity types', 'any');
    },
  ],
  [
    25,
    (r, t) =>
      messages({ ...baseActivity(r, t), text: r.pick(HOSTILE_TEXTS) }, 'hostile text', 'french-reply'),
  ],
  [2, (r, t) => messages({ ...baseActivity(r, t), text: 'x'.repeat(1024 * 1024) }, '1 MB text', 'too-large')],
  [
    8,
    (r, t) =>
      messages(
        { ...baseActivity(r, t), text: undefined, value: r.pick(ODD_CARD_VALUES) },
        'card submits',
        'any',
      ),
  ],
  [
    5,
    (r, t) =>
      messages({ ...baseActivity(r, t), attachments: r.pick(ODD_ATTACHMENTS) }, 'odd attachments', 'any'),
  ],
  [4, (r, t) => messages(r.pick(pollutingBodies(baseActivity(r, t))), 'prototype pollution', 'any')],
  [
    3,
    (r, t) => {
      // Without expectReplies the replies go to serviceUrl: here a local stand-in for the connector.
      const activity = baseActivity(r, t);
      delete activity.deliveryMode;
      return messages(
        { ...activity, serviceUrl: t.connectorUrl, text: r.pick(HOSTILE_TEXTS) },
        'replies to a connector',
        'any',
      );
    },
  ],
  [
    3,
    (r, t) =>
      messages(
        {
          ...baseActivity(r, t),
          locale: r.pick(['xx-YY', '', 'fr_CA', 'ar', 'FR', 'x'.repeat(300)]),
          text: r.pick(HOSTILE_TEXTS),
        },
        'odd locales',
        'french-reply',
      ),
  ],
  [8, (r, t) => directLinePost(r, t)],
  [6, (r, t) => directLineOther(r, t)],
  [5, (r) => webRoute(r)],
  [4, (r, t) => committeeRoute(r, t)],
  [
    3,
    (r) => ({
      category: 'unknown routes and methods',
      method: r.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST']),
      path: r.pick([
        '/api/messages',
        '/nope',
        '/api/../etc/passwd',
        '/%2e%2e/%2e%2e/',
        '/api/messages/%00',
        '/v3/directline',
        '/webchat/',
        '/%E0%A4%A',
      ]),
      headers: JSON_HEADERS,
      body: '{}',
      expect: 'any',
    }),
  ],
];

const TOTAL_WEIGHT = GENERATORS.reduce((sum, [weight]) => sum + weight, 0);

/** The next input: a category drawn by weight, then its values. */
export function nextInput(random: SeededRandom, targets: FuzzTargets): FuzzInput {
  let draw = random.next() * TOTAL_WEIGHT;
  for (const [weight, generate] of GENERATORS) {
    draw -= weight;
    if (draw < 0) return generate(random, targets);
  }
  return GENERATORS[0][1](random, targets);
}
