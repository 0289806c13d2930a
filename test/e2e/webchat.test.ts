import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { fr, WELCOME_KEY } from '../support/botHarness.js';
import { send, shown, WAIT } from '../support/chromium.js';
import { pageSuite } from '../support/pageSuite.js';

const OUTPUT_DIR = path.resolve('test-output');

/** Collected in the page: Content-Security-Policy violations would mean Web Chat is partly broken. */
const WATCH_CSP = `document.addEventListener('securitypolicyviolation', (e) => {
  (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI);
});`;

const userIdOf = (page: Page): Promise<string | null> =>
  page.evaluate('localStorage.getItem("alize.userId")');

/** Clicks one of the buttons Web Chat shows under the last message (suggested actions). */
async function click(page: Page, title: string): Promise<void> {
  const button = page.getByRole('toolbar').getByRole('button', { name: title, exact: true });
  await button.waitFor(WAIT);
  await button.click();
}

/**
 * The rest of an eligibility check for an SME in Alès, as an owner would do it: typed answers, or a click
 * where the bot offers buttons. Each step waits for the question it answers.
 */
const REST_OF_CHECK: { question: string; type?: string; click?: string; seen?: string }[] = [
  { question: 'turnover', type: '1,2 M€' },
  { question: 'sector', type: '25.62B' },
  { question: 'jobs', type: '3' },
  { question: 'projectType', click: fr.t('eligibility:choice.development') },
  // The four declarations, one attestation: seen by its first statement, shown as a list.
  {
    question: 'declarations',
    seen: 'eligibility:declaration.proceedings',
    click: fr.t('eligibility:choice.attested'),
  },
];

describe('the web page in Chromium', () => {
  const suite = pageSuite();

  test('a French chat: greeting, menu buttons, an eligibility check to its verdict; reloads resume it', async () => {
    const context = await suite.browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 1000, height: 900 },
    });
    const page = await context.newPage();
    await page.addInitScript({ content: WATCH_CSP });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const response = await page.goto(suite.app.url);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Assistant AliZé — CCI Alès-Cévennes');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');

    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    const eligibility = page
      .getByRole('toolbar')
      .getByRole('button', { name: fr.t('common:menu.eligibility') });
    await eligibility.waitFor(WAIT);
    await expect(
      page
        .getByRole('toolbar')
        .getByRole('button', { name: fr.t('common:menu.about') })
        .isVisible(),
    ).resolves.toBe(true);

    await eligibility.click();
    await page.getByText(shown('eligibility:question.commune')).last().waitFor(WAIT);
    await send(page, 'Alès');
    await page.getByText(shown('eligibility:question.headcount')).last().waitFor(WAIT);

    const userId = await userIdOf(page);
    expect(userId).toMatch(/^dl_[0-9a-f]{32}$/);

    // Reload: same visitor id, same conversation (the transcript comes back), and the dialog goes on.
    await page.reload();
    expect(await userIdOf(page)).toBe(userId);
    await page.getByText(shown('eligibility:question.headcount')).last().waitFor(WAIT);
    await page.getByText('Alès', { exact: true }).first().waitFor(WAIT);
    await send(page, 'douze');
    for (const step of REST_OF_CHECK) {
      await page
        .getByText(shown(step.seen ?? `eligibility:question.${step.question}`))
        .last()
        .waitFor(WAIT);
      if (step.click) await click(page, step.click);
      else await send(page, step.type!);
    }

    // The verdict, and what to do next as buttons.
    const verdict = page.getByText(shown('eligibility:verdict.OK')).last();
    await verdict.waitFor(WAIT);
    expect(await verdict.textContent()).toContain('éligible');
    await page
      .getByRole('toolbar')
      .getByRole('button', { name: fr.t('eligibility:next.apply') })
      .waitFor(WAIT);

    await page.waitForTimeout(500); // let the transcript finish scrolling to the latest message
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'webchat.png'), fullPage: true });

    // Reload after the verdict: the same visitor finds the same conversation, verdict and next steps included.
    await page.reload();
    expect(await userIdOf(page)).toBe(userId);
    await page.getByText(shown('eligibility:verdict.OK')).last().waitFor(WAIT);
    await page
      .getByRole('toolbar')
      .getByRole('button', { name: fr.t('eligibility:next.apply') })
      .waitFor(WAIT);

    // "Nouvelle conversation": a new transcript for the same visitor.
    // The old transcript may still be on screen for a moment (its greeting too): wait for it to go first.
    await page.getByRole('button', { name: fr.t('web:newConversation') }).click();
    await page
      .getByText(shown('eligibility:question.turnover'))
      .first()
      .waitFor({ ...WAIT, state: 'detached' });
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    expect(await page.getByText(shown('eligibility:question.turnover')).count()).toBe(0);
    expect(await userIdOf(page)).toBe(userId);

    expect(await page.evaluate('window.__cspViolations || []')).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  test("nothing a user types is rendered as HTML, in their own message or in the bot's echo of it", async () => {
    const context = await suite.browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(suite.app.url);
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    // An answer the bot echoes back (a commune it cannot find is quoted in the re-prompt), and a plain message.
    const hostile =
      '<img src=x onerror="window.__typed=1"><b id="typed-bold">zzgraszz</b><script>window.__typed=2</script>';
    await send(page, 'Vérifier mon éligibilité');
    await page.getByText(shown('eligibility:question.commune')).last().waitFor(WAIT);
    await send(page, hostile);
    await page.getByText(shown('eligibility:error.communeUnknown')).last().waitFor(WAIT);
    await page.waitForTimeout(500);
    expect(await page.evaluate('window.__typed')).toBeUndefined();
    expect(await page.locator('#typed-bold').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // The text itself is shown as text.
    expect(await page.getByText('zzgraszz', { exact: false }).count()).toBeGreaterThan(0);
    await context.close();
  }, 120_000);
});
