import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { RunningApp } from '../../bot/app.js';
import { submitSamples } from '../../scripts/committeeSamples.js';
import { submitFromChannel } from '../support/applicationWalk.js';
import { azureBackend, azureEnv, startAzurite, type RunningAzurite } from '../support/azurite.js';
import { fr } from '../support/botHarness.js';
import { launch, WAIT } from '../support/chromium.js';
import { startConnectorCapture } from '../support/connectorCapture.js';
import { HttpConversation, startTestServer, tempDataDir } from '../support/httpBot.js';
import { pdfText } from '../support/pdfText.js';
import { seriousViolations } from '../support/axe.js';

const TOKEN = 'committee-token-for-the-browser-4c8e1b07f2d9a365';
const t = (key: string, values?: Record<string, unknown>) => fr.t(key, values);

interface Backend {
  name: string;
  env: () => Promise<Record<string, string>>;
  stop: () => Promise<void>;
}

function lowdb(): Backend {
  return { name: 'lowdb', env: async () => ({}), stop: async () => undefined };
}

function azurite(): Backend {
  let running: RunningAzurite | undefined;
  return {
    name: 'Azure (Azurite)',
    env: async () => {
      running = await startAzurite();
      return azureEnv(azureBackend(running));
    },
    stop: async () => running?.stop(),
  };
}

describe.each([lowdb(), azurite()])('the committee back office in Chromium, on $name', (backend) => {
  let app: RunningApp;
  let dataDir: string;
  let browser: Browser;
  let connector: Awaited<ReturnType<typeof startConnectorCapture>>;
  let owner: HttpConversation;

  beforeAll(async () => {
    dataDir = tempDataDir('alize-back-office-e2e-');
    connector = await startConnectorCapture();
    app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN, ...(await backend.env()) });
    // A real applicant's file, sent from a channel whose connector the test reads; then other files.
    owner = new HttpConversation(app.url);
    await submitFromChannel(owner, connector.url);
    await submitSamples(app.queue, 8, 1);
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await connector?.close();
    await backend.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('sign in, filter, open a file, add a note, change its status, ask for a complement, download the CSV', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });

    // Sign-in: the token typed once in the form.
    await page.goto(`${app.url}/committee`);
    await page.getByRole('heading', { name: t('backOffice:signin.title') }).waitFor(WAIT);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(t('backOffice:signin.token')).fill(TOKEN);
    await page.getByRole('button', { name: t('backOffice:signin.submit') }).click();
    await page.getByRole('heading', { name: t('backOffice:list.title') }).waitFor(WAIT);
    expect(page.url()).toBe(`${app.url}/committee`);
    await page.getByText(t('backOffice:list.count', { count: 9 })).waitFor(WAIT);
    expect(await seriousViolations(page)).toEqual([]);

    // Filter by status and search the reference: the view is in the URL (a saved filter).
    await page.getByLabel(t('backOffice:list.filter.status')).selectOption('received');
    await page.getByLabel(t('backOffice:list.filter.search')).fill('ALZ-2026-0001');
    await page.getByRole('button', { name: t('backOffice:list.filter.apply') }).click();
    await page.getByText(t('backOffice:list.count', { count: 1 })).waitFor(WAIT);
    expect(new URL(page.url()).searchParams.get('status')).toBe('received');

    // The file: its answers, grouped as in the recap, and its verdict.
    await page.getByRole('link', { name: 'ALZ-2026-0001', exact: true }).click();
    await page.getByRole('heading', { name: t('backOffice:file.answers') }).waitFor(WAIT);
    for (const group of ['company', 'project', 'contact']) {
      await page.getByRole('heading', { name: t(`application:group.${group}`), exact: true }).waitFor(WAIT);
    }
    await page.getByRole('heading', { name: t('backOffice:file.eligibility') }).waitFor(WAIT);
    expect(await seriousViolations(page)).toEqual([]);

    // A private note: on the page, never sent to the applicant.
    await page.getByLabel(t('backOffice:file.notes.label')).fill('Rappeler le gérant après le comité.');
    await page.getByRole('button', { name: t('backOffice:file.notes.add') }).click();
    await page.getByText(t('backOffice:notice.noteAdded')).waitFor(WAIT);
    await page.getByText('Rappeler le gérant après le comité.').waitFor(WAIT);
    expect(connector.received).toEqual([]);

    // A status change with a comment: the applicant's conversation receives it.
    await page.getByLabel(t('backOffice:file.status.to')).selectOption('in_review');
    await page.getByLabel(t('backOffice:file.status.comment')).fill('Votre dossier sera lu lundi.');
    await page.getByRole('button', { name: t('backOffice:file.status.submit') }).click();
    await page.getByText(t('backOffice:notice.statusChanged')).waitFor(WAIT);
    expect(connector.received.map((r) => r.conversationId)).toEqual([owner.conversationId]);
    const reviewed = connector.received[0].activity.text ?? '';
    expect(reviewed).toContain(
      t('status:notify.intro', { reference: 'ALZ-2026-0001', label: t('status:label.in_review') }),
    );
    expect(reviewed).toContain('Votre dossier sera lu lundi.');
    expect(reviewed).not.toContain('Rappeler le gérant');

    // « Demander un complément »: incomplete, and the chat says what is missing.
    await page.getByRole('checkbox', { name: t('applicationFlow:documents.rib') }).uncheck();
    await page.getByRole('button', { name: t('backOffice:file.complement.submit') }).click();
    await page.getByText(t('backOffice:notice.complementAsked')).waitFor(WAIT);
    expect(connector.received).toHaveLength(2);
    const asked = connector.received[1].activity.text ?? '';
    expect(asked).toContain(
      t('status:notify.intro', { reference: 'ALZ-2026-0001', label: t('status:label.incomplete') }),
    );
    const pieces = ['kbis', 'balanceSheets', 'urssafCertificate', 'taxCertificate'].map((piece) =>
      t(`applicationFlow:documents.${piece}`),
    );
    expect(asked).toContain(t('backOffice:complement.message', { pieces: pieces.join(', ') }));
    const stored = await app.queue.get('ALZ-2026-0001');
    expect(stored?.status).toBe('incomplete');
    expect(stored?.notes?.map((note) => note.text)).toEqual(['Rappeler le gérant après le comité.']);
    expect(await seriousViolations(page)).toEqual([]);

    // The CSV of the list.
    await page.getByRole('link', { name: t('backOffice:file.back') }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t('backOffice:list.csv') }).click(),
    ]);
    const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('ALZ-2026-0001');
    expect(csv).toContain('ALZ-2026-0009');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test("download a file's PDF and the dossier de séance, and read the statistics", async () => {
    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${app.url}/committee`);
    await page.getByLabel(t('backOffice:signin.token')).fill(TOKEN);
    await page.getByRole('button', { name: t('backOffice:signin.submit') }).click();
    await page.getByRole('heading', { name: t('backOffice:list.title') }).waitFor(WAIT);

    // The file's PDF, read back: its reference and the applicant's company as they typed it.
    await page.getByRole('link', { name: 'ALZ-2026-0001', exact: true }).click();
    await page.getByRole('heading', { name: t('backOffice:file.answers') }).waitFor(WAIT);
    const [filePdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t('backOffice:file.pdf') }).click(),
    ]);
    expect(filePdf.suggestedFilename()).toBe('ALZ-2026-0001.pdf');
    const file = await pdfText(fs.readFileSync((await filePdf.path()) ?? ''));
    const stored = await app.queue.get('ALZ-2026-0001');
    expect(file.text).toContain('ALZ-2026-0001');
    expect(file.text).toContain(String(stored?.data['company.name']));

    // The dossier de séance of the next committee date: every file awaiting a decision.
    await page.getByRole('link', { name: t('backOffice:file.back') }).click();
    const [dossier] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t('backOffice:list.dossier') }).click(),
    ]);
    const session = await pdfText(fs.readFileSync((await dossier.path()) ?? ''));
    expect(session.text).toContain('ALZ-2026-0001');

    // The statistics: charts with their tables, and nothing axe finds serious.
    await page.getByRole('link', { name: t('backOffice:nav.statistics') }).click();
    await page.getByRole('heading', { name: t('backOffice:statistics.title'), level: 1 }).waitFor(WAIT);
    const table = page.getByRole('table', { name: t('statistics:files.title') });
    await table.waitFor(WAIT);
    expect(await table.getByRole('rowheader').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
