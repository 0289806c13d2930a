import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, shown, WAIT } from './chromium.js';
import { startTestServer, tempDataDir } from './httpBot.js';
import { WELCOME_KEY } from './programmeFixture.js';

/** Heights in CSS pixels of the page's parts, as the browser lays them out. */
export async function layoutHeights(page: Page): Promise<Record<string, number>> {
  // A string, not a function: the project compiles without the DOM's types.
  return page.evaluate(`(() => {
    const height = (selector) => {
      const element = document.querySelector(selector);
      return element ? Math.round(element.getBoundingClientRect().height) : 0;
    };
    return {
      viewport: window.innerHeight,
      header: height('header.banner'),
      intro: height('.intro') || height('.hint'),
      status: height('#status'),
      chat: height('#chat'),
      transcript: height('.webchat__basic-transcript'),
      sendBox: height('.webchat__send-box'),
      footer: height('.site-footer') + height('.advisor'),
    };
  })()`);
}

/**
 * `node dist/test/support/measureLayout.js [width] [height]`: the page's parts on a screen of that size (390 ×
 * 844 by default), once the greeting has been shown. Used for docs/benchmarks.md.
 */
async function main(): Promise<void> {
  const [width, height] = [Number(process.argv[2] ?? 390), Number(process.argv[3] ?? 844)];
  const dataDir = tempDataDir();
  const app = await startTestServer(dataDir);
  const browser = await launch();
  try {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    await page.getByRole('toolbar').waitFor(WAIT);
    console.log(JSON.stringify({ width, height, ...(await layoutHeights(page)) }));
  } finally {
    await browser.close();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('measureLayout.js')) await main();
