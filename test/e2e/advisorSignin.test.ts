import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fr, WELCOME_KEY } from '../support/botHarness.js';
import { launch, send, shown, WAIT } from '../support/chromium.js';
import { botTexts, DirectLineClient } from '../support/directLineClient.js';
import type { TestAccount } from '../../scripts/signin/localOidcProvider.js';
import { ACCOUNTS, startSigninSetup, type SigninSetup } from '../support/signinSetup.js';

interface TokenSeen {
  token: string;
  conversationId: string;
  userId: string;
}

const advisorModeButton = (page: Page) =>
  page.getByRole('toolbar').getByRole('button', { name: fr.t('common:menu.advisorMode'), exact: true });
const eligibilityButton = (page: Page) =>
  page.getByRole('toolbar').getByRole('button', { name: fr.t('common:menu.eligibility') });

/**
 * Plays the part of someone tampering with the sign-in's redirects: the browser's request matching `from` is
 * sent by the test, which follows the redirects itself (with the browser's cookies) until one goes to a URL
 * matching `to`, and hands the browser that redirect rewritten. (Chromium does not let a test touch
 * redirects it follows itself.)
 */
async function tamperRedirect(
  page: Page,
  from: (url: URL) => boolean,
  to: (url: URL) => boolean,
  rewrite: (url: URL) => URL,
): Promise<void> {
  await page.route(from, async (route) => {
    let response = await route.fetch({ maxRedirects: 0 });
    for (let hop = 0; hop < 5; hop += 1) {
      const location = response.headers()['location'];
      if (!location) break;
      const next = new URL(location, response.url());
      if (to(next)) {
        await route.fulfill({ response, headers: { ...response.headers(), location: rewrite(next).href } });
        return;
      }
      response = await page.context().request.get(next.href, { maxRedirects: 0 });
    }
    await route.fulfill({ response });
  });
}

describe('advisor sign-in on the web page, in Chromium, against a local OpenID Connect provider', () => {
  let setup: SigninSetup;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    setup = await startSigninSetup();
    browser = await launch();
  }, 60_000);
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  /** A fresh browser on the chat page, recording the Direct Line tokens and the callback URLs it gets. */
  async function visitor(): Promise<{ page: Page; tokens: TokenSeen[]; callbacks: string[] }> {
    const context = await browser.newContext({ locale: 'fr-FR' });
    contexts.push(context);
    const page = await context.newPage();
    const tokens: TokenSeen[] = [];
    const callbacks: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/directline/token') && response.ok()) {
        // A body still being read when the test closes its browser context is of no use: no failure then.
        response
          .json()
          .then((body: TokenSeen) => tokens.push(body))
          .catch(() => undefined);
      }
    });
    page.on('request', (request) => {
      if (request.url().startsWith(`${setup.app.url}/auth/callback`)) callbacks.push(request.url());
    });
    await page.goto(setup.app.url);
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    await eligibilityButton(page).waitFor(WAIT);
    return { page, tokens, callbacks };
  }

  /** Clicks the discreet link and signs in at the provider's login form (any password). */
  async function signIn(page: Page, account: TestAccount): Promise<void> {
    await page.getByRole('link', { name: fr.t('signin:link') }).click();
    const login = page.locator('input[name="login"]');
    await login.waitFor(WAIT);
    await login.fill(account.login);
    await page.locator('input[name="password"]').fill('any password will do');
    await page.locator('button[type="submit"]').click();
  }

  async function signedInPage(page: Page, account: TestAccount): Promise<void> {
    await signIn(page, account);
    await page.locator('#advisor-who').waitFor(WAIT);
    expect(await page.locator('#advisor-who').textContent()).toBe(
      fr.t('signin:signedInAs', { name: account.name }),
    );
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    await eligibilityButton(page).waitFor(WAIT);
  }

  const tokenCount = (tokens: TokenSeen[], count: number) => async () => {
    while (tokens.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  test('an advisor signs in, reaches Mode conseiller in a new conversation, and signs out', async () => {
    const { page, tokens } = await visitor();
    expect(await page.getByRole('link', { name: fr.t('signin:link') }).isVisible()).toBe(true);
    expect(await advisorModeButton(page).count()).toBe(0);
    await tokenCount(tokens, 1)();
    const before = tokens[0];

    await signedInPage(page, ACCOUNTS.advisor);
    await advisorModeButton(page).waitFor(WAIT);
    await tokenCount(tokens, 2)();
    const signedIn = tokens[tokens.length - 1];
    // The same browser (same visitor id), but never the conversation started before signing in.
    expect(signedIn.userId).toBe(before.userId);
    expect(signedIn.conversationId).not.toBe(before.conversationId);
    await advisorModeButton(page).click();
    await page.getByText(shown('advisor:welcome')).last().waitFor(WAIT);

    // The conversation of before is still an ordinary visitor's one.
    const earlier = new DirectLineClient(setup.app.url, before.userId);
    earlier.token = before.token;
    earlier.conversationId = before.conversationId;
    await earlier.poll();
    await earlier.say(fr.t('common:menu.advisorMode'));
    const replies = await earlier.pollUntil((a) => botTexts(a).length > 0);
    expect(botTexts(replies)).toContain(fr.t('advisor:refused'));

    // Signing out: back to the link and to the visitor's ordinary conversation; the advisor's one is gone.
    await page.getByRole('button', { name: fr.t('signin:signOut') }).click();
    await page.getByRole('link', { name: fr.t('signin:link') }).waitFor(WAIT);
    await tokenCount(tokens, 3)();
    expect(tokens[2].conversationId).toBe(before.conversationId);
    await page.getByText(shown('advisor:refused')).last().waitFor(WAIT);
    const gone = await fetch(
      `${setup.app.url}/v3/directline/conversations/${signedIn.conversationId}/activities`,
      { headers: { authorization: `Bearer ${signedIn.token}` } },
    );
    expect(gone.status).toBe(404);
    // A new conversation after signing out: the menu has no advisor mode.
    await page.getByRole('button', { name: fr.t('web:newConversation') }).click();
    await tokenCount(tokens, 4)();
    await eligibilityButton(page).waitFor(WAIT);
    expect(await advisorModeButton(page).count()).toBe(0);
  }, 120_000);

  test('a member of ADVISOR_GROUP_ID is an advisor; a signed-in colleague outside it is not', async () => {
    const member = await visitor();
    await signedInPage(member.page, ACCOUNTS.groupMember);
    await advisorModeButton(member.page).waitFor(WAIT);

    const colleague = await visitor();
    await signedInPage(colleague.page, ACCOUNTS.colleague);
    expect(await advisorModeButton(colleague.page).count()).toBe(0);
    await send(colleague.page, fr.t('common:menu.advisorMode'));
    await colleague.page.getByText(shown('advisor:refused')).last().waitFor(WAIT);
    expect(await colleague.page.getByText(shown('advisor:welcome')).count()).toBe(0);
  }, 120_000);

  test("nothing the browser sends makes it an advisor: the advisor's user id, from fields, a forged cookie or token", async () => {
    const { page, tokens } = await visitor();
    await signedInPage(page, ACCOUNTS.advisor);
    await advisorModeButton(page).waitFor(WAIT);
    await tokenCount(tokens, 2)();
    const advisor = tokens[tokens.length - 1];

    // Someone who learnt the advisor's visitor id asks for a token with it, and claims the advisor's Entra ids.
    for (const cookie of [undefined, 'alize_advisor=forged-session-id-forged-session-id-0123']) {
      const intruder = await new DirectLineClient(setup.app.url, advisor.userId).open(false, cookie);
      expect(intruder.conversationId).not.toBe(advisor.conversationId);
      await intruder.start();
      await intruder.pollUntil((a) => botTexts(a).length > 0);
      const { status } = await intruder.post({
        type: 'message',
        text: fr.t('common:menu.advisorMode'),
        from: { id: ACCOUNTS.advisor.oid, aadObjectId: ACCOUNTS.advisor.oid, role: 'user' },
        channelData: {
          clientActivityID: 'x1',
          aadObjectId: ACCOUNTS.advisor.oid,
          tenant: { id: ACCOUNTS.advisor.tid },
        },
      });
      expect(status).toBe(200);
      const replies = await intruder.pollUntil((a) => botTexts(a).some((t) => t !== fr.t(WELCOME_KEY)));
      expect(botTexts(replies)).toContain(fr.t('advisor:refused'));
    }

    // A token made up in the shape of the server's (a JWT naming the advisor's conversation) is refused.
    const [header, payload] = advisor.token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const response = await fetch(
      `${setup.app.url}/v3/directline/conversations/${advisor.conversationId}/activities`,
      { headers: { authorization: `Bearer ${forged}` } },
    );
    expect(response.status).toBe(403);
  }, 120_000);

  test('an account from another Entra tenant is refused with a French page, even if listed in ADVISOR_IDS', async () => {
    const { page } = await visitor();
    const callback = page.waitForResponse((r) => r.url().startsWith(`${setup.app.url}/auth/callback`));
    await signIn(page, ACCOUNTS.outsider);
    const response = await callback;
    expect(response.status()).toBe(403);
    expect(await page.locator('#signin-problem').textContent()).toBe(fr.t('signin:error.tenant'));
    await page.goto(setup.app.url);
    await page.getByRole('link', { name: fr.t('signin:link') }).waitFor(WAIT);
    expect(await page.locator('#advisor-who').count()).toBe(0);
  }, 120_000);

  test.each([
    {
      what: 'an ID token with another nonce',
      // The authorization request reaches the provider with a nonce the server did not choose.
      from: (url: URL) => url.pathname === '/auth/signin',
      to: (url: URL) => url.href.startsWith(`${setup.provider.issuer}/auth?`),
      set: ['nonce', 'a-nonce-chosen-by-someone-else'],
    },
    {
      what: 'a callback naming another issuer',
      // The provider's answer comes back as if from another issuer.
      from: (url: URL) => url.href.startsWith(`${setup.provider.issuer}/interaction/`),
      to: (url: URL) => url.href.startsWith(`${setup.app.url}/auth/callback?`),
      set: ['iss', 'https://login.microsoftonline.com/another-tenant/v2.0'],
    },
  ])(
    '$what is refused',
    async ({ from, to, set: [name, value] }) => {
      const { page } = await visitor();
      await tamperRedirect(page, from, to, (url) => {
        url.searchParams.set(name, value);
        return url;
      });
      const callback = page.waitForResponse((r) => r.url().startsWith(`${setup.app.url}/auth/callback`));
      await signIn(page, ACCOUNTS.advisor);
      expect((await callback).status()).toBe(400);
      expect(await page.locator('#signin-problem').textContent()).toBe(fr.t('signin:error.rejected'));
      expect(await page.context().cookies()).not.toContainEqual(
        expect.objectContaining({ name: 'alize_advisor' }),
      );
    },
    120_000,
  );

  test('a callback URL works once: replayed in the same browser or in another one, no session', async () => {
    const first = await visitor();
    await signedInPage(first.page, ACCOUNTS.advisor);
    const used = first.callbacks[0];
    expect(used).toContain('code=');

    const replay = await first.page.goto(used);
    expect(replay?.status()).toBe(400);
    expect(await first.page.locator('#signin-problem').textContent()).toBe(fr.t('signin:error.expired'));

    // Another browser starts its own sign-in (its own state and PKCE verifier) and slips in the used code.
    const other = await visitor();
    let state = '';
    await tamperRedirect(
      other.page,
      (url) => url.pathname === '/auth/signin',
      (url) => url.href.startsWith(`${setup.provider.issuer}/auth?`),
      (url) => {
        state = url.searchParams.get('state') ?? '';
        return new URL('/healthz', setup.app.url);
      },
    );
    await other.page.getByRole('link', { name: fr.t('signin:link') }).click();
    await other.page.waitForURL(`${setup.app.url}/healthz`);
    const slipped = new URL(used);
    slipped.searchParams.set('state', state);
    const response = await other.page.goto(slipped.href);
    expect(response?.status()).toBe(400);
    expect(await other.page.locator('#signin-problem').textContent()).toBe(fr.t('signin:error.rejected'));
    await other.page.goto(setup.app.url);
    await other.page.getByRole('link', { name: fr.t('signin:link') }).waitFor(WAIT);
  }, 120_000);
});
