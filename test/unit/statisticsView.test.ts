import { statisticsOf } from '../../committee/statistics/programmeStatistics.js';
import { renderStatisticsHtml } from '../../committee/statistics/statisticsView.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { committeeText } from '../support/committeeText.js';
import { TEST_NOW, settings } from '../support/programmeFixture.js';
import { statisticsFile } from '../support/statisticsFiles.js';
import type { ApplicationStatus } from '../../dialogs/domain/applicationStatus.js';

const fr = committeeText('fr');
const en = committeeText('en');
const programme: ProgrammeSettings = { ...settings, budget: 250_000 };

const file = (status: ApplicationStatus, data: Record<string, unknown>, decidedAt?: string) =>
  statisticsFile(status, data, decidedAt ? { decidedAt } : {});

const FILES = [
  file(
    'accepted',
    {
      'company.commune': 'Alès',
      'project.amountRequested': 50_000,
      'project.jobsCreated': 3,
      'project.jobsKept': 2,
    },
    '2026-10-15T15:00:00Z',
  ),
  file('in_review', { 'company.commune': 'Alès', 'project.amountRequested': 70_000 }),
  file('received', { 'company.commune': '<script>alert(1)</script> & Cie' }),
];
const FUNNEL = {
  '2026-11': {
    'check.started': 12,
    'check.question.commune': 12,
    'check.question.headcount': 9,
    'check.verdict.OK': 6,
    'application.started': 5,
    'application.question.company.siret': 4,
    'application.submitted': 3,
  },
};
const stats = statisticsOf({ files: FILES, funnel: FUNNEL, settings: programme, now: TEST_NOW });

/** Each table of the fragment: its caption, its column headers, its rows (header cell first). */
function tablesOf(html: string) {
  const cells = (row: string, tag: string) =>
    [...row.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, 'g'))].map((match) => match[1]);
  return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map(([, inner]) => ({
    caption: /<caption>(.*?)<\/caption>/.exec(inner)?.[1],
    columns: cells(/<thead>([\s\S]*?)<\/thead>/.exec(inner)?.[1] ?? '', 'th'),
    rows: [...inner.matchAll(/<tr>(.*?)<\/tr>/g)]
      .slice(1)
      .map(([, row]) => [...cells(row, 'th'), ...cells(row, 'td')]),
  }));
}
const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the statistics fragment', () => {
  const html = renderStatisticsHtml(stats, fr);
  const tables = tablesOf(html);
  const tableNamed = (key: string) => tables.find((table) => table.caption === fr.t(key))!;

  test('a fragment, no page: no html, head or script, and no style attribute a strict CSP would block', () => {
    expect(html).not.toMatch(/<html|<head|<body|<script|<style|\sstyle=/i);
    expect(html.startsWith('<div class="alize-stats" lang="fr">')).toBe(true);
  });

  test('each chart is an image with its title, followed by a table with caption and headers', () => {
    const charts = [
      ...html.matchAll(/<svg[^>]*aria-labelledby="([^"]+)"[^>]*>\s*<title id="([^"]+)">([^<]+)<\/title>/g),
    ];
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const [svg, labelledBy, id, title] of charts) {
      expect(svg).toContain('role="img"');
      expect(labelledBy).toBe(id);
      expect(unescape(title)).toMatch(/\(.+\)$/);
    }
    expect(unescape(charts[0][3])).toBe(
      fr.t('statistics:chartTitle', { title: fr.t('statistics:files.title') }),
    );
    for (const table of tables) {
      expect(table.caption).toBeTruthy();
      expect(table.columns.length).toBeGreaterThanOrEqual(2);
    }
    expect(html).toMatch(/<th scope="col">/);
    expect(html).toMatch(/<th scope="row">/);
  });

  test('the figures, the French way', () => {
    expect(tableNamed('statistics:files.title').rows).toContainEqual([
      fr.t('committee:status.label.accepted'),
      '1',
    ]);
    expect(tableNamed('statistics:files.title').rows.at(-1)).toEqual([fr.t('statistics:files.total'), '3']);
    // 120 000 € asked of 250 000 €: 48 % (narrow no-break spaces between thousands, a no-break space before € and %).
    expect(tableNamed('statistics:amounts.title').rows).toEqual([
      [fr.t('statistics:amounts.row.asked'), '120\u202f000\u00a0€', '48\u00a0%'],
      [fr.t('statistics:amounts.row.accepted'), '50\u202f000\u00a0€', '20\u00a0%'],
      [fr.t('statistics:amounts.row.budget'), '250\u202f000\u00a0€', '100\u00a0%'],
    ]);
    expect(tableNamed('statistics:jobs.title').rows[0]).toEqual([
      fr.t('statistics:jobs.row.accepted'),
      '3',
      '2',
      '5',
      '8\u00a0%',
    ]);
    expect(tableNamed('statistics:decisions.title').rows).toContainEqual(['15 octobre 2026', '1', '0']);
    expect(tableNamed('statistics:funnel.check').rows.slice(0, 3)).toEqual([
      [fr.t('statistics:funnel.started'), '12', ''],
      [
        fr.t('statistics:funnel.question', { label: fr.t('statistics:funnel.checkQuestion.commune') }),
        '12',
        '3',
      ],
      [
        fr.t('statistics:funnel.question', { label: fr.t('statistics:funnel.checkQuestion.headcount') }),
        '9',
        '3',
      ],
    ]);
    expect(tableNamed('statistics:funnel.application').rows).toContainEqual([
      fr.t('statistics:funnel.question', { label: fr.t('committee:field.company.siret') }),
      '4',
      '1',
    ]);
  });

  test('a commune name is text, never markup: escaped in the table and in the chart', () => {
    expect(html).not.toContain('<script>');
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie';
    expect(html.split(escaped).length - 1).toBe(2);
    expect(tableNamed('statistics:communes.title').rows.map(([commune]) => unescape(commune))).toEqual([
      'Alès',
      '<script>alert(1)</script> & Cie',
    ]);
  });

  test('without a budget or anything counted, the page says so', () => {
    const empty = statisticsOf({
      files: [],
      funnel: {},
      settings: { ...programme, budget: null },
      now: TEST_NOW,
    });
    const page = unescape(renderStatisticsHtml(empty, fr));
    expect(page).toContain(fr.t('statistics:amounts.noBudget'));
    expect(page).toContain(fr.t('statistics:communes.none'));
    expect(page).toContain(fr.t('statistics:funnel.none'));
  });

  test('in English too, with English numbers', () => {
    const page = renderStatisticsHtml(stats, en);
    expect(page).toContain('lang="en"');
    expect(
      tablesOf(page).find((table) => table.caption === en.t('statistics:amounts.title'))!.rows[0],
    ).toEqual([en.t('statistics:amounts.row.asked'), '€120,000', '48%']);
  });
});
