import { AdvisorSessions } from '../../bot/webSignin/advisorSessions.js';
import { ConversationStore, DEFAULT_STORE_LIMITS } from '../../bot/directLine/conversationStore.js';

const LIMITS = { sessionMs: 8 * 3600_000, pendingMs: 600_000, maxSessions: 3, maxPending: 3 };
const IDENTITY = { source: 'web-signin' as const, objectId: 'oid-1', tenantId: 'tid-1', groups: ['g1'] };

describe('advisor sign-in sessions', () => {
  let now: number;
  const clock = () => new Date(now);
  beforeEach(() => {
    now = Date.parse('2026-12-03T09:00:00Z');
  });

  test('a sign-in under way is found once, and not after ten minutes', () => {
    const sessions = new AdvisorSessions(LIMITS, clock);
    const first = sessions.begin({ state: 's', nonce: 'n', codeVerifier: 'v' });
    expect(sessions.take(first)?.state).toBe('s');
    expect(sessions.take(first)).toBeUndefined();
    const late = sessions.begin({ state: 's2', nonce: 'n', codeVerifier: 'v' });
    now += 600_001;
    expect(sessions.take(late)).toBeUndefined();
  });

  test('a session ends when it expires, and its end is announced', () => {
    const sessions = new AdvisorSessions(LIMITS, clock);
    const ended: string[] = [];
    sessions.onEnded((id) => ended.push(id));
    const session = sessions.open(IDENTITY, 'Camille');
    now += 8 * 3600_000 - 1;
    expect(sessions.get(session.id)?.identity).toEqual(IDENTITY);
    now += 1;
    expect(sessions.get(session.id)).toBeUndefined();
    expect(ended).toEqual([session.id]);
  });

  test("the oldest session is ended when too many are open; a session's identity cannot be changed", () => {
    const sessions = new AdvisorSessions(LIMITS, clock);
    const ids = [1, 2, 3, 4].map((n) => sessions.open({ ...IDENTITY, objectId: `oid-${n}` }, '').id);
    expect(sessions.get(ids[0])).toBeUndefined();
    const last = sessions.get(ids[3])!;
    expect(() => {
      (last.identity as { objectId?: string }).objectId = 'someone-else';
    }).toThrow();
  });

  test("a visitor's ordinary conversation and the one opened under a sign-in never mix; sign-out drops the latter", () => {
    const store = new ConversationStore(DEFAULT_STORE_LIMITS, clock);
    const ordinary = store.open('dl_visitor');
    const signedIn = store.open('dl_visitor', { signinSession: 'session-1' });
    expect(signedIn.id).not.toBe(ordinary.id);
    expect(signedIn.signinSession).toBe('session-1');
    expect(store.open('dl_visitor').id).toBe(ordinary.id);
    expect(store.open('dl_visitor', { signinSession: 'session-2' }).id).not.toBe(signedIn.id);
    expect(store.open('dl_visitor', { signinSession: 'session-1' }).id).toBe(signedIn.id);
    store.dropSigninSession('session-1');
    expect(store.get(signedIn.id)).toBeUndefined();
    expect(store.byBearer(signedIn.token)).toBeUndefined();
    expect(store.get(ordinary.id)).toBeDefined();
  });
});
