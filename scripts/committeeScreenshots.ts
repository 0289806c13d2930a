/**
 * `npm run build && node dist/scripts/committeeScreenshots.js`: the pictures of docs/committee.md. Starts the
 * server on a temporary DATA_DIR filled with made-up files, signs in to the back office with a token in Debian's
 * Chromium and saves the list, one file and the statistics as PNGs under docs/images/. Run by hand after a change of the pages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startApp } from '../bot/app.js';
import { loadConfig } from '../bot/config.js';
import { Localizer } from '../bot/i18n.js';
import { submitSamples } from './committeeSamples.js';

const TOKEN = 'screenshots-committee-token-5d2f8a1c9e7b3046';
const OUT = path.resolve('docs/images');
const fr = new Localizer().language('fr');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-screenshots-'));
const app = await startApp(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    COMPANY_LOOKUP: 'off',
    COMMITTEE_TOKEN: TOKEN,
  }),
  { clock: () => new Date('2026-11-26T10:00:00+01:00') },
);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});
try {
  await app.ready;
  await submitSamples(app.queue, 24);
  await app.queue.amend('ALZ-2026-0003', {
    assignedTo: 'Camille Conseillère',
    appendNotes: [
      {
        at: '2026-11-20T14:05:00.000Z',
        by: 'Camille Conseillère',
        text: 'Devis de la machine reçu par courrier, conforme au plan de financement.',
      },
    ],
  });
  await app.queue.amend('ALZ-2026-0005', { assignedTo: 'Dominique Martin' });
  await app.queue.changeStatus(
    'ALZ-2026-0003',
    'in_review',
    'Camille Conseillère',
    'Dossier complet, lecture en cours.',
    new Date('2026-11-21T09:00:00Z'),
  );
  await app.queue.changeStatus(
    'ALZ-2026-0004',
    'in_review',
    'Comité',
    undefined,
    new Date('2026-11-21T09:00:00Z'),
  );
  await app.queue.changeStatus(
    'ALZ-2026-0004',
    'accepted',
    'Comité',
    undefined,
    new Date('2026-11-24T17:00:00Z'),
  );

  const page = await (
    await browser.newContext({ locale: 'fr-FR', viewport: { width: 1360, height: 900 } })
  ).newPage();
  await page.goto(`${app.url}/committee/signin`);
  await page.getByLabel(fr.t('backOffice:signin.token')).fill(TOKEN);
  await page.getByRole('button', { name: fr.t('backOffice:signin.submit') }).click();
  await page.getByRole('heading', { name: fr.t('backOffice:list.title') }).waitFor();
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, 'committee-list.png'), fullPage: false });
  await page.goto(`${app.url}/committee/files/ALZ-2026-0003`);
  await page.getByRole('heading', { name: fr.t('backOffice:file.answers') }).waitFor();
  await page.screenshot({ path: path.join(OUT, 'committee-file.png'), fullPage: true });
  await page.goto(`${app.url}/committee/statistics`);
  await page.getByRole('heading', { name: fr.t('backOffice:statistics.title'), level: 1 }).waitFor();
  await page.screenshot({ path: path.join(OUT, 'committee-statistics.png'), fullPage: true });
  console.log(
    `saved ${path.join(OUT, 'committee-list.png')}, committee-file.png and committee-statistics.png`,
  );
} finally {
  await browser.close();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
