import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningApp } from '../../bot/app.js';
import { LEGAL_ROUTES } from '../../bot/webPage/legalFooter.js';
import { VISITOR_ID_STORAGE_KEY } from '../../bot/webPage/legalPages.js';
import { en, fr, WELCOME_KEY } from '../support/botHarness.js';
import { launch, send, SEND_BOX, shown, WAIT } from '../support/chromium.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';
import { layoutHeights } from '../support/measureLayout.js';
import { seriousViolations } from '../support/axe.js';

/** What has the keyboard focus: its tag, role, accessible text and whether a focus mark is drawn. */
interface Focused {
  tag: string;
  text: string;
  href: string | null;
  inToolbar: boolean;
  isSendBox: boolean;
  outline: string;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(`(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      text: (element.getAttribute('aria-label') || element.textContent || '').trim(),
      href: element.getAttribute('href'),
      inToolbar: element.closest('[role="toolbar"]') !== null,
      isSendBox: element.matches(${JSON.stringify(SEND_BOX)}),
      outline: style.outlineStyle === 'none' || style.outlineWidth === '0px' ? 'none' : style.outlineStyle,
    };
  })()`) as Promise<Focused>;

/**
 * Presses Tab (or Shift+Tab) until the focus is on what `wanted` accepts, as someone without a mouse would; fails
 * after a full round of the page. Every stop on the way must show where the focus is.
 */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, key = 'Tab'): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    seen.push(`${now.tag} "${now.text.slice(0, 40)}"`);
    if (now.tag !== 'body')
      expect({ stop: seen.at(-1), outline: now.outline }).not.toEqual({ stop: seen.at(-1), outline: 'none' });
    if (wanted(now)) return now;
  }
  throw new Error(`never reached with ${key}; the focus went through: ${seen.join(' → ')}`);
}

describe('the pages are usable with assistive technology and the keyboard (Chromium)', () => {
  let dataDir: string;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    dataDir = tempDataDir();
    app = await startTestServer(dataDir);
    browser = await launch();
  }, 60_000);
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function openChat(viewport = { width: 1000, height: 900 }): Promise<Page> {
    context = await browser.newContext({ locale: 'fr-FR', viewport });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    await page
      .getByRole('toolbar')
      .getByRole('button', { name: fr.t('common:menu.eligibility') })
      .waitFor(WAIT);
    return page;
  }

  test('axe-core finds no serious or critical problem on the chat page, after an exchange', async () => {
    const page = await openChat();
    await send(page, fr.t('common:menu.eligibility'));
    await page.getByText(shown('eligibility:question.commune')).last().waitFor(WAIT);
    expect(await seriousViolations(page)).toEqual([]);
  }, 90_000);

  test('axe-core finds no serious or critical problem on the chat page of a phone', async () => {
    const page = await openChat({ width: 390, height: 844 });
    expect(await seriousViolations(page)).toEqual([]);
  }, 90_000);

  test.each([
    ...Object.values(LEGAL_ROUTES).map((route) => [route, fr] as const),
    [`${LEGAL_ROUTES.privacy}?lang=en`, en] as const,
    ['/auth/signin', fr] as const,
  ])(
    'axe-core finds no serious or critical problem on %s',
    async (route, language) => {
      context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${app.url}${route}`);
      expect(await page.getAttribute('html', 'lang')).toBe(language.locale);
      expect(await seriousViolations(page)).toEqual([]);
    },
    60_000,
  );

  test('keyboard only: Tab to the send box, Enter sends, a suggested action works, the footer links are reached', async () => {
    const page = await openChat();
    // From the page's load, Tab alone reaches the send box; typing and Enter send the message.
    await tabTo(page, (f) => f.isSendBox);
    await page.keyboard.type('aide');
    await page.keyboard.press('Enter');
    await page.getByText(shown('common:help.atMenu')).last().waitFor(WAIT);

    // Back with Shift+Tab to the buttons under the last message: Enter activates one.
    const action = await tabTo(page, (f) => f.inToolbar && f.tag === 'button', 'Shift+Tab');
    expect(action.text).not.toBe('');
    await page.keyboard.press('Enter');
    await page
      .getByText(shown(questionAfter(action.text)))
      .last()
      .waitFor(WAIT);

    // On to the footer: the accessibility statement is reached and opened with the keyboard.
    const link = await tabTo(page, (f) => f.href === LEGAL_ROUTES.accessibility);
    expect(link.text).toBe(
      fr.t('legal:footer.accessibility', { conformity: fr.t('legal:conformity.nonCompliant') }),
    );
    await tabTo(page, (f) => f.href === LEGAL_ROUTES.notice);
    await tabTo(page, (f) => f.href === LEGAL_ROUTES.privacy);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: fr.t('legal:privacy.heading') }).waitFor(WAIT);
  }, 120_000);

  test('on a 390 × 844 phone screen the conversation takes at least 70 % of the height', async () => {
    const page = await openChat({ width: 390, height: 844 });
    const heights = await layoutHeights(page);
    expect(heights.viewport).toBe(844);
    expect(heights.chat / heights.viewport).toBeGreaterThanOrEqual(0.7);
    // Everything fits: the footer is on screen, no scrolling of the page itself.
    const bottom = await page.evaluate(
      `document.querySelector('.site-footer').getBoundingClientRect().bottom`,
    );
    expect(bottom).toBeLessThanOrEqual(844);
  }, 90_000);

  test('the privacy page names every key the chat page keeps in localStorage', async () => {
    const page = await openChat();
    const keys = (await page.evaluate('Object.keys(localStorage)')) as string[];
    expect(keys).toContain(VISITOR_ID_STORAGE_KEY);
    await page.goto(`${app.url}${LEGAL_ROUTES.privacy}`);
    const text = await page.locator('main').innerText();
    for (const key of keys) expect(text).toContain(key);
  }, 90_000);
});

/** The question that follows a menu button (the greeting's menu): eligibility, apply, resume, advisor, about. */
function questionAfter(title: string): string {
  if (title === fr.t('common:menu.eligibility')) return 'eligibility:question.commune';
  throw new Error(
    `the test expects the first menu button to be "${fr.t('common:menu.eligibility')}", not "${title}"`,
  );
}
