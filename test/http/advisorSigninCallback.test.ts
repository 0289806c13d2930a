import type { RunningApp } from '../../bot/app.js';
import { fr } from '../support/botHarness.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';
import { startSigninSetup, type SigninSetup } from '../support/signinSetup.js';

/** The French sentence of a sign-in problem, as the page shows it (HTML-escaped apostrophes). */
const problemText = (key: string): string => fr.t(`signin:error.${key}`).replace(/'/g, '&#39;');

const noRedirect = { redirect: 'manual' } as const;

/** Starts a sign-in as a browser would: the provider URL it is sent to and the cookie it was given. */
async function beginSignin(url: string): Promise<{ location: URL; cookie: string; setCookie: string }> {
  const response = await fetch(`${url}/auth/signin`, noRedirect);
  expect(response.status).toBe(302);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return {
    location: new URL(response.headers.get('location') ?? ''),
    cookie: setCookie.split(';')[0],
    setCookie,
  };
}

describe('advisor sign-in callback over HTTP', () => {
  let setup: SigninSetup;
  beforeAll(async () => {
    setup = await startSigninSetup();
  }, 60_000);
  afterAll(async () => setup?.close());

  test('sign-in starts an authorization code request with PKCE, state and nonce, and an HttpOnly cookie', async () => {
    const { location, setCookie } = await beginSignin(setup.app.url);
    expect(location.origin).toBe(setup.provider.issuer);
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(location.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(location.searchParams.get('redirect_uri')).toBe(`${setup.app.url}/auth/callback`);
    expect(location.searchParams.get('scope')).toBe('openid profile');
    // Neither the verifier nor the nonce travels in the cookie: only a random id of the server's record.
    expect(setCookie).toMatch(
      /^alize_signin=[A-Za-z0-9_-]{43}; Path=\/auth; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
  });

  test('a callback without a sign-in under way is refused with a French page', async () => {
    const response = await fetch(`${setup.app.url}/auth/callback?code=abc&state=def`, noRedirect);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain(problemText('expired'));
    expect(html).toContain('lang="fr"');
    expect(response.headers.get('set-cookie') ?? '').not.toContain('alize_advisor=');
  });

  test('a wrong state is refused, and the attempt cannot be retried with the right one', async () => {
    const { location, cookie } = await beginSignin(setup.app.url);
    const state = location.searchParams.get('state') ?? '';
    const wrong = await fetch(`${setup.app.url}/auth/callback?code=abc&state=not-${state}`, {
      ...noRedirect,
      headers: { cookie },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain(problemText('expired'));
    const again = await fetch(`${setup.app.url}/auth/callback?code=abc&state=${state}`, {
      ...noRedirect,
      headers: { cookie },
    });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain(problemText('expired'));
  });

  test('a made-up code with the right state is refused by the provider: no session', async () => {
    const { location, cookie } = await beginSignin(setup.app.url);
    const state = location.searchParams.get('state') ?? '';
    const response = await fetch(
      `${setup.app.url}/auth/callback?code=made-up-code&state=${state}&iss=${encodeURIComponent(setup.provider.issuer)}`,
      {
        ...noRedirect,
        headers: { cookie },
      },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(problemText('rejected'));
    expect(response.headers.get('set-cookie') ?? '').not.toContain('alize_advisor=');
  });

  test('an error from the provider (the user cancelled) gets its own French page', async () => {
    const { location, cookie } = await beginSignin(setup.app.url);
    const state = location.searchParams.get('state') ?? '';
    const response = await fetch(
      `${setup.app.url}/auth/callback?error=access_denied&error_description=cancelled&state=${state}&iss=${encodeURIComponent(setup.provider.issuer)}`,
      { ...noRedirect, headers: { cookie } },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(problemText('denied'));
  });

  test.each([
    '/auth/callback?state=%ZZ&code=%',
    '/auth/callback',
    '/auth/callback?code=a&code=b&state=x&state=y',
  ])('a malformed callback %s gets a 4xx page, never a crash', async (path) => {
    const response = await fetch(`${setup.app.url}${path}`, {
      ...noRedirect,
      headers: { cookie: 'alize_signin=%%%; alize_advisor=<script>' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await fetch(`${setup.app.url}/healthz`)).status).toBe(200);
  });

  test('signing out without a session is harmless and clears the cookie', async () => {
    const response = await fetch(`${setup.app.url}/auth/signout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'alize_advisor=forged-session-id' },
      body: '{}',
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(
      /^alize_advisor=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax$/,
    );
  });
});

describe('advisor sign-in when it cannot work', () => {
  let dataDir: string;
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  beforeEach(() => {
    dataDir = tempDataDir('alize-signin-off-');
  });

  test('without ADVISOR_OIDC_CLIENT_ID the routes answer 404 with a French page and the page has no link', async () => {
    app = await startTestServer(dataDir);
    const response = await fetch(`${app.url}/auth/signin`, noRedirect);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(problemText('off'));
    expect(await (await fetch(app.url)).text()).not.toContain('/auth/signin');
  });

  test('a provider that does not answer gives a 502 French page, and the server goes on', async () => {
    app = await startTestServer(dataDir, {
      MicrosoftAppTenantId: '7a1c0e55-3d2b-4c8e-9f10-a11ce0cc1000',
      ADVISOR_OIDC_ISSUER: 'http://127.0.0.1:9/nobody',
      ADVISOR_OIDC_CLIENT_ID: 'client',
    });
    const response = await fetch(`${app.url}/auth/signin`, noRedirect);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain(problemText('unavailable'));
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
