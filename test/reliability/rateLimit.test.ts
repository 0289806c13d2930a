import type { Request } from 'restify';
import { TrustedProxies } from '../../bot/trustedProxies.js';
import { clientAddress, routeCost } from '../../bot/publicRouteLimits.js';
import { TokenBuckets } from '../../bot/rateLimit.js';

/** A clock the test moves by hand (milliseconds). */
function manualClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const requestFrom = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    header: (name: string) => (name === 'x-forwarded-for' ? forwardedFor : undefined),
  }) as unknown as Request;

describe('token buckets', () => {
  test('allow a burst of perMinute, then ask to wait, then allow again as tokens come back', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets({ perMinute: 60, now: clock.now });
    for (let i = 0; i < 60; i += 1) expect(buckets.take('conv')).toEqual({ allowed: true });
    expect(buckets.take('conv')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1000);
    expect(buckets.take('conv')).toEqual({ allowed: true });
    expect(buckets.take('conv').allowed).toBe(false);
  });

  test('say how long to wait when the refill is slow', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets({ perMinute: 3, now: clock.now });
    for (let i = 0; i < 3; i += 1) buckets.take('ip');
    expect(buckets.take('ip')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    clock.advance(19_000);
    expect(buckets.take('ip')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  test('keep each key apart', () => {
    const buckets = new TokenBuckets({ perMinute: 1, now: manualClock().now });
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    expect(buckets.take('b').allowed).toBe(true);
  });

  test('charge a poll a tenth of a message', () => {
    const buckets = new TokenBuckets({ perMinute: 1, now: manualClock().now });
    for (let i = 0; i < 10; i += 1) expect(buckets.take('ip', 0.1).allowed).toBe(true);
    expect(buckets.take('ip', 0.1).allowed).toBe(false);
  });

  test('remember a bounded number of keys, the least recently seen forgotten first', () => {
    const buckets = new TokenBuckets({ perMinute: 1, maxKeys: 100, now: manualClock().now });
    for (let i = 0; i < 10_000; i += 1) buckets.take(`ip-${i}`);
    expect(buckets.size).toBe(100);
    expect(buckets.take('ip-9999').allowed).toBe(false);
  });

  test('never refuse with a limit of 0', () => {
    const buckets = new TokenBuckets({ perMinute: 0, now: manualClock().now });
    for (let i = 0; i < 1000; i += 1) expect(buckets.take('ip').allowed).toBe(true);
    expect(buckets.size).toBe(0);
  });
});

describe('what a request costs and who sent it', () => {
  test.each([
    ['POST', '/api/messages', false, 1],
    ['POST', '/api/messages', true, 0],
    ['POST', '/api/directline/token', false, 1],
    ['POST', '/v3/directline/conversations', false, 1],
    ['POST', '/v3/directline/conversations/dl-1/activities', false, 1],
    ['GET', '/v3/directline/conversations/dl-1/activities', false, 0.1],
    ['GET', '/', false, 0],
    ['GET', '/webchat/webchat.js', false, 0],
    ['GET', '/healthz', false, 0],
    ['GET', '/api/applications', false, 1],
    ['PATCH', '/api/applications/ALZ-2026-0001', true, 1],
    ['GET', '/api/openapi.json', true, 1],
    ['GET', '/api/statistics', true, 1],
    ['GET', '/api/dossier-de-seance.pdf', true, 1],
    ['GET', '/committee', false, 1],
    ['POST', '/committee/signin', false, 1],
    ['GET', '/committee/files/ALZ-2026-0001', false, 1],
    ['GET', '/committee/assets/backOffice.css', false, 0],
    ['GET', '/files/0123456789abcdef', false, 1],
  ])('%s %s (authentication %s) costs %s', (method, path, auth, cost) => {
    expect(routeCost(method, path, auth)).toBe(cost);
  });

  const proxy = new TrustedProxies(['10.0.0.0/8', '::1']);
  const nobody = new TrustedProxies();
  test.each([
    [
      'the socket, without a trusted proxy',
      requestFrom('198.51.100.4', '203.0.113.9'),
      nobody,
      '198.51.100.4',
    ],
    [
      'the socket when the caller is not a trusted proxy, whatever it forwards',
      requestFrom('198.51.100.4', '203.0.113.9'),
      proxy,
      '198.51.100.4',
    ],
    [
      'the last forwarded hop, behind a trusted proxy',
      requestFrom('10.0.0.2', '1.1.1.1, 203.0.113.9'),
      proxy,
      '203.0.113.9',
    ],
    [
      'the first untrusted hop from the right, behind two trusted proxies',
      requestFrom('10.0.0.2', '1.1.1.1, 203.0.113.9, 10.1.2.3'),
      proxy,
      '203.0.113.9',
    ],
    ['without its port', requestFrom('10.0.0.2', '203.0.113.9:51234'), proxy, '203.0.113.9'],
    [
      'an IPv6 address without brackets or port',
      requestFrom('::ffff:10.0.0.2', '[2001:db8::1]:443'),
      proxy,
      '2001:db8::1',
    ],
    ['the socket when no header came through the proxy', requestFrom('::1'), proxy, '::1'],
  ])('the client is %s', (_label, request, trusted, expected) => {
    expect(clientAddress(request, trusted)).toBe(expected);
  });
});
