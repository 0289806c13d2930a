import fs from 'node:fs';
import net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../bot/app.js';
import { fr, WELCOME_KEY } from '../support/botHarness.js';
import { launch, send, shown, WAIT } from '../support/chromium.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';

const EMAIL = 'marie.dupontel@exemple.fr';

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const statusOf = (page: Page) => page.locator('#status');

describe('the web page in Chromium across erasure and a server restart', () => {
  let dataDir: string;
  let port: number;
  let app: RunningApp;
  let browser: Browser;
  const start = async () => {
    app = await startTestServer(dataDir, { PORT: String(port) });
  };

  beforeAll(async () => {
    dataDir = tempDataDir('alize-e2e-reconnect-');
    port = await freePort();
    await start();
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('after "supprimer mes données", the page starts anew and a reload shows nothing of the past', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(app.url);
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    await send(page, `Mon e-mail est ${EMAIL}`);
    await page.getByText(EMAIL).first().waitFor(WAIT);

    await send(page, 'Supprimer mes données');
    const yes = page.getByRole('toolbar').getByRole('button', { name: fr.t('privacy:yes'), exact: true });
    await yes.waitFor(WAIT);
    await yes.click();
    await page.getByText(fr.t('web:erased')).waitFor(WAIT);
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    expect(await page.getByText(EMAIL).count()).toBe(0);

    await page.reload();
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    expect(await page.getByText(EMAIL).count()).toBe(0);
    expect(await page.getByText(shown('privacy:erased')).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);

  test('a restart under the open page: it says the connection is lost, reconnects, and offers to resend', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(app.url);
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    await statusOf(page)
      .getByText(fr.t('web:connected'))
      .waitFor({ ...WAIT, state: 'attached' });

    await app.close();
    // The page finds out by itself: it never keeps saying "connected" while the server is gone.
    await statusOf(page).getByText(fr.t('web:reconnecting')).waitFor(WAIT);
    await send(page, 'aide');

    await start();
    await statusOf(page).getByText(fr.t('web:reconnected')).waitFor(WAIT);
    await page.getByText(fr.t('web:unsent')).waitFor(WAIT);
    // A new conversation for the same visitor: greeted again.
    await page.getByText(shown(WELCOME_KEY)).last().waitFor(WAIT);
    await page.getByRole('button', { name: fr.t('web:resend', { text: 'aide' }) }).click();
    await page.getByText(shown('common:help.atMenu')).last().waitFor(WAIT);
    expect(await page.getByText(fr.t('web:unsent')).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);
});
