import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { statisticsOf } from '../../committee/statistics/programmeStatistics.js';
import { renderStatisticsHtml } from '../../committee/statistics/statisticsView.js';
import { seriousViolations } from '../support/axe.js';
import { launch } from '../support/chromium.js';
import { committeeText } from '../support/committeeText.js';
import { TEST_NOW, settings } from '../support/programmeFixture.js';
import { statisticsFile } from '../support/statisticsFiles.js';
import type { ApplicationStatus } from '../../dialogs/domain/applicationStatus.js';

// Tests run from dist/; the style sheet the page serves stays in the sources.
const CSS = readFileSync(
  fileURLToPath(new URL('../../../committee/backOffice/assets/statistics.css', import.meta.url)),
  'utf8',
);
const fr = committeeText('fr');

const file = (status: ApplicationStatus, data: Record<string, unknown>) =>
  statisticsFile(
    status,
    data,
    status === 'accepted' || status === 'rejected' ? { decidedAt: '2026-10-15T15:00:00Z' } : {},
  );
const stats = statisticsOf({
  files: [
    file('accepted', {
      'company.commune': 'Alès',
      'project.amountRequested': 50_000,
      'project.jobsCreated': 4,
    }),
    file('rejected', { 'company.commune': 'Anduze', 'project.amountRequested': 20_000 }),
    file('received', { 'company.commune': '<img src=x onerror=alert(1)>' }),
  ],
  funnel: {
    '2026-11': {
      'check.started': 20,
      'check.question.commune': 20,
      'check.verdict.OK': 9,
      'application.started': 8,
      'application.submitted': 4,
    },
  },
  settings: { ...settings, budget: 400_000 },
  now: TEST_NOW,
});
const fragment = renderStatisticsHtml(stats, fr);
const page = (head: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${fr.t('statistics:title')}</title>${head}</head><body><main>${fragment}</main></body></html>`;

describe('the statistics fragment in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let tab: Page;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  beforeEach(async () => {
    context = await browser.newContext();
    tab = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('no serious accessibility problem (axe, WCAG 2.1 AA), with its style sheet', async () => {
    await tab.setContent(page(`<style>${CSS}</style>`));
    expect(await seriousViolations(tab)).toEqual([]);
  });

  test('each chart is an image named by its title, and the tables are tables', async () => {
    await tab.setContent(page(''));
    const charts = tab.getByRole('img');
    expect(await charts.count()).toBeGreaterThanOrEqual(6);
    const files = fr.t('statistics:chartTitle', { title: fr.t('statistics:files.title') });
    await expect(tab.getByRole('img', { name: files }).count()).resolves.toBe(1);
    const table = tab.getByRole('table', { name: fr.t('statistics:amounts.title') });
    await expect(
      table.getByRole('rowheader', { name: fr.t('statistics:amounts.row.budget') }).count(),
    ).resolves.toBe(1);
    await expect(table.getByRole('cell', { name: '400\u202f000\u00a0€' }).count()).resolves.toBe(1);
  });

  test('under a strict policy (no inline style, no script) nothing is refused, and the commune stays text', async () => {
    // Chromium says on the console what a policy refused ("Refused to apply inline style…").
    const refused: string[] = [];
    tab.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await tab.setContent(
      page(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'">`),
    );
    expect(refused).toEqual([]);
    expect(await tab.locator('img').count()).toBe(0);
    await expect(tab.getByRole('rowheader', { name: '<img src=x onerror=alert(1)>' }).count()).resolves.toBe(
      1,
    );
  });
});
