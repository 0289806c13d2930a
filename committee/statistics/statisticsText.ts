import type { CommitteeText } from '../committeeLabels.js';
import type { ProgrammeStatistics } from './programmeStatistics.js';
import { statisticsFigures, type FigureTable } from './statisticsTables.js';

/** `npm run committee -- stats`: the tables of /committee/statistics as text, in the committee's language. */
export function statisticsText(stats: ProgrammeStatistics, text: CommitteeText): string {
  const { t } = text;
  const figures = statisticsFigures(stats, text);
  const blocks = [
    t('statistics:title'),
    figures.asOf,
    textTable(figures.files),
    stats.communes.length === 0 ? t('statistics:communes.none') : textTable(figures.communes),
    [stats.amounts.budget === null ? t('statistics:amounts.noBudget') : '', textTable(figures.amounts)]
      .filter(Boolean)
      .join('\n'),
    `${figures.jobsPeriod}\n${textTable(figures.jobs)}`,
    stats.decisions.length === 0 ? t('statistics:decisions.none') : textTable(figures.decisions),
    figures.funnelMonths,
  ];
  if (stats.funnel.months) {
    blocks.push(
      textTable(figures.funnelCheck),
      textTable(figures.funnelApplication),
      t('statistics:funnel.stoppedNote'),
    );
  }
  return `${blocks.join('\n\n')}\n`;
}

/** The caption, then the columns aligned: the first (the row's name) to the left, the figures to the right. */
function textTable(table: FigureTable): string {
  const lines = [table.columns, ...table.rows];
  const widths = table.columns.map((_, column) =>
    Math.max(...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (line: string[]) =>
    line
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  return [table.caption, format(table.columns), ...table.rows.map(format)].join('\n');
}
