import { escapeHtml } from '../../bot/webPage/htmlEscape.js';
import { statusLabel, type CommitteeText } from '../committeeLabels.js';
import { statisticsFigures, type FigureTable } from './statisticsTables.js';
import type { ProgrammeStatistics } from './programmeStatistics.js';

/** One bar of a chart: its label, its parts (stacked, each with the class that colours it) and the figure shown. */
interface Bar {
  label: string;
  parts: { value: number; className: string }[];
  shown: string;
}

type Chart = (id: string, title: string, bars: Bar[]) => string;

const WIDTH = 800;
const BAR_AREA = 480;
const ROW = 46;
const BAR_HEIGHT = 18;

/**
 * The statistics as an HTML fragment for `/committee/statistics`: each figure a server-rendered SVG bar chart
 * (no script; colours from classes of committee/backOffice/assets/statistics.css, never a style attribute, so a strict
 * `style-src 'self'` lets it through) followed by the table of the same figures, for screen readers and for
 * copying. Every text, commune names included, is escaped.
 */
export function renderStatisticsHtml(stats: ProgrammeStatistics, text: CommitteeText): string {
  const { t } = text;
  // « Dossiers par statut (graphique en barres ; les chiffres sont dans le tableau qui suit) »
  const chart: Chart = (id, title, bars) => barChart(id, t('statistics:chartTitle', { title }), bars);
  const figures = statisticsFigures(stats, text);
  const sections = [
    section('files', t('statistics:files.title'), [
      chart(
        'files',
        t('statistics:files.title'),
        stats.files.byStatus.map(({ status, count }) => ({
          label: statusLabel(status, text),
          parts: [{ value: count, className: `stats-bar stats-status-${status}` }],
          shown: figures.number(count),
        })),
      ),
      table(figures.files),
    ]),
    section('communes', t('statistics:communes.title'), [
      stats.communes.length === 0
        ? paragraph(t('statistics:communes.none'))
        : chart(
            'communes',
            t('statistics:communes.title'),
            stats.communes.map(({ commune, count }) => ({
              label: commune ?? t('statistics:communes.unknown'),
              parts: [{ value: count, className: 'stats-bar' }],
              shown: figures.number(count),
            })),
          ),
      stats.communes.length === 0 ? '' : table(figures.communes),
    ]),
    section('amounts', t('statistics:amounts.title'), [
      stats.amounts.budget === null ? paragraph(t('statistics:amounts.noBudget')) : '',
      chart(
        'amounts',
        t('statistics:amounts.title'),
        [
          ['asked', stats.amounts.asked],
          ['accepted', stats.amounts.accepted],
          ...(stats.amounts.budget === null ? [] : [['budget', stats.amounts.budget] as const]),
        ].map(([row, value]) => ({
          label: t(`statistics:amounts.row.${row}`),
          parts: [{ value: Number(value), className: `stats-bar stats-${String(row)}` }],
          shown: figures.euros(Number(value)),
        })),
      ),
      table(figures.amounts),
    ]),
    section('jobs', t('statistics:jobs.title'), [
      paragraph(figures.jobsPeriod),
      chart(
        'jobs',
        t('statistics:jobs.title'),
        (['accepted', 'pending'] as const)
          .map((row) => ({
            label: t(`statistics:jobs.row.${row}`),
            parts: [
              { value: stats.jobs[row].created, className: `stats-bar stats-created` },
              { value: stats.jobs[row].kept, className: `stats-bar stats-kept` },
            ],
            shown: t('statistics:jobs.bar', {
              total: figures.number(stats.jobs[row].total),
              created: figures.number(stats.jobs[row].created),
              kept: figures.number(stats.jobs[row].kept),
            }),
          }))
          .concat({
            label: t('statistics:jobs.row.target'),
            parts: [{ value: stats.jobs.target, className: 'stats-bar stats-target' }],
            shown: figures.number(stats.jobs.target),
          }),
      ),
      table(figures.jobs),
    ]),
    section('decisions', t('statistics:decisions.title'), [
      stats.decisions.length === 0
        ? paragraph(t('statistics:decisions.none'))
        : chart(
            'decisions',
            t('statistics:decisions.title'),
            stats.decisions.map((row, index) => ({
              label: figures.decisions.rows[index][0],
              parts: [
                { value: row.accepted, className: 'stats-bar stats-status-accepted' },
                { value: row.rejected, className: 'stats-bar stats-status-rejected' },
              ],
              shown: t('statistics:decisions.bar', {
                accepted: figures.number(row.accepted),
                rejected: figures.number(row.rejected),
              }),
            })),
          ),
      stats.decisions.length === 0 ? '' : table(figures.decisions),
    ]),
    section('funnel', t('statistics:funnel.title'), funnelParts(stats, text, figures, chart)),
  ];
  return [
    `<div class="alize-stats" lang="${text.locale}">`,
    `<h2>${escapeHtml(t('statistics:title'))}</h2>`,
    paragraph(figures.asOf),
    ...sections,
    '</div>',
  ].join('\n');
}

function funnelParts(
  stats: ProgrammeStatistics,
  text: CommitteeText,
  figures: ReturnType<typeof statisticsFigures>,
  chart: Chart,
): string[] {
  const { t } = text;
  if (!stats.funnel.months) return [paragraph(t('statistics:funnel.none'))];
  const bars = (table: FigureTable, id: string) =>
    chart(
      id,
      table.caption,
      table.values.map((value, index) => ({
        label: table.rows[index][0],
        parts: [{ value, className: 'stats-bar' }],
        shown: figures.number(value),
      })),
    );
  return [
    paragraph(figures.funnelMonths),
    paragraph(t('statistics:funnel.stoppedNote')),
    bars(figures.funnelCheck, 'funnel-check'),
    table(figures.funnelCheck),
    bars(figures.funnelApplication, 'funnel-application'),
    table(figures.funnelApplication),
  ];
}

function section(id: string, title: string, parts: string[]): string {
  return [
    `<section class="stats-section" aria-labelledby="stats-${id}">`,
    `<h3 id="stats-${id}">${escapeHtml(title)}</h3>`,
    ...parts.filter((part) => part !== ''),
    '</section>',
  ].join('\n');
}

const paragraph = (sentence: string) => `<p>${escapeHtml(sentence)}</p>`;

/** A horizontal bar chart: each label above its bar, the figure at the bar's end. */
function barChart(id: string, label: string, bars: Bar[]): string {
  const max = Math.max(1, ...bars.map((bar) => bar.parts.reduce((sum, part) => sum + part.value, 0)));
  const height = bars.length * ROW + 8;
  const rows = bars.map((bar, index) => {
    const top = index * ROW + 4;
    let x = 0;
    const rects = bar.parts.map((part) => {
      const width = Math.round((part.value / max) * BAR_AREA * 10) / 10;
      const rect = `<rect class="${part.className}" x="${x}" y="${top + 20}" width="${width}" height="${BAR_HEIGHT}"/>`;
      x += width;
      return rect;
    });
    return [
      `<text class="stats-label" x="0" y="${top + 14}">${escapeHtml(bar.label)}</text>`,
      ...rects,
      `<text class="stats-value" x="${x + 6}" y="${top + 34}">${escapeHtml(bar.shown)}</text>`,
    ].join('');
  });
  return [
    `<figure class="stats-chart">`,
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="stats-chart-${id}" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" focusable="false">`,
    `<title id="stats-chart-${id}">${escapeHtml(label)}</title>`,
    ...rows,
    '</svg>',
    '</figure>',
  ].join('\n');
}

/** A real table: caption, column headers, one header cell per row. */
function table(figure: FigureTable): string {
  const head = figure.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const body = figure.rows.map(
    ([header, ...cells]) =>
      `<tr><th scope="row">${escapeHtml(header)}</th>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`,
  );
  return [
    '<table class="stats-table">',
    `<caption>${escapeHtml(figure.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${body.join('')}</tbody>`,
    '</table>',
  ].join('\n');
}
