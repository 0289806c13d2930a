import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { answerAll } from '../support/answerBook.js';
import { ELIGIBLE_COMPANY } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { WAIT } from '../support/chromium.js';
import { DirectLineClient, type DlActivity } from '../support/directLineClient.js';
import { pageSuite } from '../support/pageSuite.js';

const OUTPUT_DIR = path.resolve('test-output');

const fromBot = (activity: DlActivity): boolean => activity.from?.role === 'bot';
const asksOrShowsCard = (activity: DlActivity): boolean =>
  fromBot(activity) &&
  ((activity.channelData as { alize?: { questionId?: string } } | undefined)?.alize?.questionId !==
    undefined ||
    (activity.attachments?.length ?? 0) > 0);

/** One turn over the page's own Direct Line: what the bot answered, once it asks something or shows a card. */
async function turn(client: DirectLineClient, text: string): Promise<DlActivity[]> {
  await client.say(text);
  return client.pollUntil((seen) => seen.some(asksOrShowsCard), 15_000);
}

/** A visitor who filled the whole application over Direct Line and stands at the recap card. */
async function visitorAtRecap(url: string): Promise<string> {
  const client = await new DirectLineClient(url).open();
  await client.start();
  await client.pollUntil((seen) =>
    seen.some((a) => fromBot(a) && (a.suggestedActions?.actions.length ?? 0) > 0),
  );
  const first = await turn(client, fr.t('common:menu.apply'));
  const { replies } = await answerAll((text) => turn(client, text), first, ELIGIBLE_COMPANY);
  expect(
    replies.some((a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive'),
  ).toBe(true);
  return client.userId;
}

/**
 * The words of each fact's label in the last card, and those the browser laid out on more than one line (a
 * word broken mid-way: "Monta/nt"). Run in the page; a string, as the project compiles without DOM types.
 */
const BROKEN_LABEL_WORDS = `(() => {
  const card = [...document.querySelectorAll('.ac-adaptiveCard')].pop();
  // A fact is a RichTextBlock "Label : value" (dialogs/plainCard.ts); a FactSet's title cell would be one too.
  const blocks = card ? [...card.querySelectorAll('.ac-richTextBlock, .ac-fact-title')] : [];
  const words = [];
  const broken = [];
  for (const block of blocks) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode();
    if (!node) continue;
    let at = 0;
    for (const part of node.textContent.split(/(\\s+)/)) {
      if (part.trim()) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + part.length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        words.push(part);
        if (lines.size > 1) broken.push(part);
      }
      at += part.length;
    }
  }
  return { words, broken };
})()`;

/** Where the reference sits against the visible part of the transcript (and of the screen). */
const referenceInView = (reference: string) => `(() => {
  const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
  const bubbles = [...document.querySelectorAll('.webchat__bubble__content')].filter((b) => b.textContent.includes(${JSON.stringify(reference)}));
  const bubble = bubbles.pop();
  if (!scroller || !bubble) return false;
  const view = scroller.getBoundingClientRect();
  const box = bubble.getBoundingClientRect();
  // Scrolled to the end (the turn is over and Web Chat has followed it), with the reference still on screen.
  const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
  return atEnd && box.top >= view.top - 1 && box.bottom <= view.bottom + 1 && box.bottom <= window.innerHeight;
})()`;

/** Polls a script in the page until it holds (page.waitForFunction would eval it: the page's CSP forbids that). */
async function eventually(page: Page, script: string, timeoutMs = WAIT.timeout): Promise<boolean> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await page.waitForTimeout(100)) {
    if (await page.evaluate(script)) return true;
  }
  return false;
}

async function openAs(
  browser: Browser,
  url: string,
  userId: string,
  width: number,
  height: number,
): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width, height } });
  await context.addInitScript({
    content: `localStorage.setItem('alize.userId', ${JSON.stringify(userId)});`,
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.ac-adaptiveCard').last().waitFor(WAIT);
  return page;
}

describe('the recap card and the submission in Chromium', () => {
  const suite = pageSuite();

  test.each([
    [1280, 900],
    [390, 844],
  ])(
    'at %i × %i px, no label of the recap is broken mid-word',
    async (width, height) => {
      const userId = await visitorAtRecap(suite.app.url);
      const page = await openAs(suite.browser, suite.app.url, userId, width, height);
      const { words, broken } = (await page.evaluate(BROKEN_LABEL_WORDS)) as {
        words: string[];
        broken: string[];
      };
      expect(words).toEqual(
        expect.arrayContaining([fr.t('application:label.project.amountRequested').split(' ')[0]]),
      );
      expect(broken).toEqual([]);
      fs.mkdirSync(OUTPUT_DIR, { recursive: true });
      await page
        .locator('.ac-adaptiveCard')
        .last()
        .screenshot({ path: path.join(OUTPUT_DIR, `recap-${width}.png`) });
      await page.context().close();
    },
    180_000,
  );

  test('on a phone (390 × 844), the reference comes last after submission and stays in view', async () => {
    const userId = await visitorAtRecap(suite.app.url);
    const page = await openAs(suite.browser, suite.app.url, userId, 390, 844);
    await page
      .locator('.ac-adaptiveCard')
      .last()
      .getByRole('button', { name: fr.t('applicationFlow:recap.submit') })
      .click();
    const confirmation = page.getByText(/ALZ-\d{4}-\d{4}/).last();
    await confirmation.waitFor(WAIT);
    const reference = /ALZ-\d{4}-\d{4}/.exec((await confirmation.textContent()) ?? '')?.[0] ?? '';
    expect((await suite.app.queue.get(reference))?.status).toBe('received');
    // The end of the turn: the confirmation's own buttons (its PDF, the menu) under the last message.
    await page
      .getByRole('toolbar')
      .getByRole('button', { name: fr.t('receipts:download.button') })
      .waitFor(WAIT);
    // Web Chat follows the newest messages: the reference, last of the confirmation, is in view once it has.
    expect(await eventually(page, referenceInView(reference))).toBe(true);
    const bubbles = await page.locator('.webchat__bubble__content').allTextContents();
    const after = bubbles.slice(bubbles.findLastIndex((bubble) => bubble.includes(reference)) + 1);
    // At most one message comes after it, never the next steps or the list of documents.
    expect(after.length).toBeLessThanOrEqual(1);
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'submitted-390.png') });
    await page.context().close();
  }, 180_000);
});
