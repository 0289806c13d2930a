import { en, fr, WELCOME_KEY } from '../support/botHarness.js';
import { send, shown, WAIT } from '../support/chromium.js';
import { pageSuite } from '../support/pageSuite.js';

/** An English bot sentence as Web Chat shows it (its Markdown makes ' typographic), up to its first value. */
const shownEn = (key: string): RegExp =>
  new RegExp(
    en
      .t(key)
      .split('{{')[0]
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/'/g, "['’]"),
  );

describe('the web page’s FR / EN control in Chromium', () => {
  const suite = pageSuite();

  test('EN switches the conversation to English at the open question, and a French browser keeps it', async () => {
    const context = await suite.browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 1000, height: 900 },
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(suite.app.url);
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    expect(await page.getAttribute('#language-fr', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('#language-en', 'aria-pressed')).toBe('false');
    await page
      .getByRole('toolbar')
      .getByRole('button', { name: fr.t('common:menu.eligibility') })
      .click();
    await page.getByText(shown('eligibility:question.commune')).last().waitFor(WAIT);

    await page.locator('#language-en').click();
    await page.waitForURL(/\?lang=en$/, WAIT);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('#language-en', 'aria-pressed')).toBe('true');
    // The same conversation: the bot said so in English and asked its question again in English.
    await page.getByText(shownEn('talk:language.switched')).last().waitFor(WAIT);
    await page.getByText(shownEn('eligibility:question.commune')).last().waitFor(WAIT);
    await send(page, 'Alès');
    await page.getByText(shownEn('eligibility:question.headcount')).last().waitFor(WAIT);

    // Back on the French page (a French browser, the page's default): the bot keeps the visitor's English.
    await page.goto(suite.app.url);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByText(shownEn('eligibility:question.headcount')).last().waitFor(WAIT);
    await send(page, 'twelve');
    await page.getByText(shownEn('eligibility:question.turnover')).last().waitFor(WAIT);

    // FR switches back.
    await page.locator('#language-fr').click();
    await page.waitForURL(/\?lang=fr$/, WAIT);
    await page.getByText(shown('talk:language.switched')).last().waitFor(WAIT);
    await page.getByText(shown('eligibility:question.turnover')).last().waitFor(WAIT);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
