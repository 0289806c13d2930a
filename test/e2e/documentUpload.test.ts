import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningApp } from '../../bot/app.js';
import { fr, WELCOME_KEY } from '../support/botHarness.js';
import { launch, SEND_BOX, shown, WAIT } from '../support/chromium.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';
import { samplePdf } from '../contract/documentStoreContract.js';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function storedPdfs(dataDir: string): string[] {
  const root = path.join(dataDir, 'documents');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.pdf'))
    .map((name) => path.join(root, name));
}

describe('sending a document from the web page, in Chromium', () => {
  let dataDir: string;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = tempDataDir('alize-e2e-docs-');
    app = await startTestServer(dataDir);
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('Web Chat’s upload button sends a PDF through the local Direct Line; the bot keeps it and files it', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    const apply = page
      .getByRole('toolbar')
      .getByRole('button', { name: fr.t('common:menu.apply'), exact: true });
    await apply.waitFor(WAIT);
    await apply.click();

    const bytes = samplePdf('Extrait Kbis envoyé depuis Chromium');
    // The button opens the browser's file picker; Playwright fills the same input the button is bound to.
    const upload = page.locator('input[type="file"]');
    await upload.waitFor({ ...WAIT, state: 'attached' });
    await upload.setInputFiles({ name: 'kbis.pdf', mimeType: 'application/pdf', buffer: bytes });
    // Web Chat 4.18 puts the file in the send box's attachment bar; it leaves when the applicant sends.
    await page.locator(SEND_BOX).press('Enter');

    await page.getByText(shown('documents:whichPiece')).last().waitFor(WAIT);
    await page
      .getByRole('button', { name: fr.t('documents:piece.kbis'), exact: true })
      .last()
      .click();
    await page
      .getByText(fr.t('documents:labelled', { name: 'kbis.pdf', piece: fr.t('documents:piece.kbis') }))
      .last()
      .waitFor(WAIT);

    const stored = storedPdfs(dataDir);
    expect(stored).toHaveLength(1);
    expect(sha256(fs.readFileSync(stored[0]!))).toBe(sha256(bytes));
    await context.close();
  }, 90_000);
});
