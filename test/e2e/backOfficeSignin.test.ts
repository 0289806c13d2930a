import type { Browser, Page } from 'playwright-core';
import type { TestAccount } from '../../scripts/signin/localOidcProvider.js';
import { submitSamples } from '../../scripts/committeeSamples.js';
import { fr } from '../support/botHarness.js';
import { launch, WAIT } from '../support/chromium.js';
import { ACCOUNTS, startSigninSetup, type SigninSetup } from '../support/signinSetup.js';

describe('the back office through the Entra sign-in (a local OpenID Connect provider), in Chromium', () => {
  let setup: SigninSetup;
  let browser: Browser;

  beforeAll(async () => {
    // The colleague is the committee; the advisor is an advisor (ADVISOR_IDS), as in the chat.
    setup = await startSigninSetup({ COMMITTEE_IDS: ACCOUNTS.colleague.oid });
    await submitSamples(setup.app.queue, 3);
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  async function signIn(account: TestAccount): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await page.goto(`${setup.app.url}/committee`);
    await page.getByRole('link', { name: fr.t('backOffice:signin.entra') }).click();
    const login = page.locator('input[name="login"]');
    await login.waitFor(WAIT);
    await login.fill(account.login);
    await page.locator('input[name="password"]').fill('any password will do');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('heading', { name: fr.t('backOffice:list.title') }).waitFor(WAIT);
    return page;
  }

  test('an advisor comes back to the list, signed in as an advisor, and is never offered a decision', async () => {
    const page = await signIn(ACCOUNTS.advisor);
    expect(new URL(page.url()).pathname).toBe('/committee');
    expect(await page.locator('#bo-who').textContent()).toBe(
      fr.t('backOffice:user.signedIn.advisor', { name: ACCOUNTS.advisor.name }),
    );
    await page.getByRole('link', { name: 'ALZ-2026-0001', exact: true }).click();
    const options = await page
      .getByLabel(fr.t('backOffice:file.status.to'))
      .locator('option')
      .allTextContents();
    expect(options).toEqual(
      [
        fr.t('committee:status.label.in_review'),
        fr.t('committee:status.label.incomplete'),
        fr.t('committee:status.label.withdrawn'),
      ].filter((label) => options.includes(label)),
    );
    expect(options).not.toContain(fr.t('committee:status.label.accepted'));
    expect(options).not.toContain(fr.t('committee:status.label.rejected'));
    await page.getByRole('button', { name: fr.t('backOffice:user.signOut') }).click();
    await page.getByRole('heading', { name: fr.t('backOffice:signin.title') }).waitFor(WAIT);
    await page.goto(`${setup.app.url}/committee`);
    await page.getByRole('heading', { name: fr.t('backOffice:signin.title') }).waitFor(WAIT);
    await page.context().close();
  });

  test('a committee member may accept, keyboard only', async () => {
    const page = await signIn(ACCOUNTS.colleague);
    expect(await page.locator('#bo-who').textContent()).toBe(
      fr.t('backOffice:user.signedIn.committee', { name: ACCOUNTS.colleague.name }),
    );
    // The first Tab reaches the skip link; Enter goes to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe(
      fr.t('backOffice:skip'),
    );
    await page.goto(`${setup.app.url}/committee/files/ALZ-2026-0002`);
    await page.getByLabel(fr.t('backOffice:file.status.to')).selectOption('in_review');
    await page.getByLabel(fr.t('backOffice:file.status.comment')).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(fr.t('backOffice:notice.statusChanged')).waitFor(WAIT);
    const options = await page
      .getByLabel(fr.t('backOffice:file.status.to'))
      .locator('option')
      .allTextContents();
    expect(options).toContain(fr.t('committee:status.label.accepted'));
    expect((await setup.app.queue.get('ALZ-2026-0002'))?.history.at(-1)?.by).toBe(ACCOUNTS.colleague.name);
    await page.context().close();
  });
});
