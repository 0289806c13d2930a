import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fr } from './botHarness.js';

const CHROMIUM = '/usr/bin/chromium';
export const SEND_BOX = '[data-id="webchat-sendbox-input"]';
export const WAIT = { timeout: 15_000 };

/** Debian's Chromium, headless, with a clear message when it is missing. */
export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install Debian's "chromium" package (apt-get install chromium)`,
    );
  }
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  } catch (error) {
    throw new Error(`Chromium at ${CHROMIUM} could not be launched: ${String(error)}`);
  }
}

/** Types a message in Web Chat's send box and sends it. */
export async function send(page: Page, text: string): Promise<void> {
  const box = page.locator(SEND_BOX);
  await box.fill(text);
  await box.press('Enter');
}

/**
 * A bot sentence as Web Chat shows it: its Markdown renderer turns ' into a typographic apostrophe, and spaces
 * may be no-break ones. Sentences
 * with a value inside ("dans les {{months}} prochains mois") are matched up to that value.
 */
export const shown = (key: string): RegExp =>
  new RegExp(
    fr
      .t(key)
      .split('{{')[0]
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/['’]/g, "['’]")
      // French typography puts no-break spaces before « ? ! ; : »: the page may show them, or plain ones.
      .replace(/[ \u00A0\u202F]/g, '[\\s\\u00A0\\u202F]'),
  );
