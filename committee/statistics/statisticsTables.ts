import { formatDate, formatEuros, formatNumber } from '../../dialogs/formatting.js';
import { EFFECTS } from '../../dialogs/domain/programmeSettings.js';
import type { SupportedLocale } from '../../dialogs/translator.js';
import { statusLabel, type CommitteeText } from '../committeeLabels.js';
import type { FunnelQuestion, ProgrammeStatistics } from './programmeStatistics.js';

/** A table of figures as people read it: every cell already formatted; the first cell of a row is its header. */
export interface FigureTable {
  caption: string;
  columns: string[];
  rows: string[][];
  /** The figure each row's bar shows (the funnel's charts), in the order of `rows`. */
  values: number[];
}

const INTL_LOCALE: Record<SupportedLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * The statistics' tables and sentences in the committee's language (`250 000 €`, `48 %`, « 15 octobre 2026 »):
 * shared by the page's fragment and `npm run committee -- stats`, so both show the same figures the same way.
 */
export function statisticsFigures(stats: ProgrammeStatistics, text: CommitteeText) {
  const { t, locale } = text;
  const number = (value: number) => formatNumber(value, locale);
  const euros = (value: number) => formatEuros(value, locale);
  const percentFormat = new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const percent = (share: number | null) => (share === null ? '' : percentFormat.format(share));
  const day = (iso: string) => formatDate(iso, locale);
  const month = (yyyyMm: string) =>
    new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${yyyyMm}-01T00:00:00Z`),
    );
  const figureTable = (caption: string, columns: string[], rows: string[][], values: number[] = []) => ({
    caption,
    columns,
    rows,
    values,
  });
  const { amounts, jobs, funnel } = stats;

  const files = figureTable(
    t('statistics:files.title'),
    [t('statistics:files.status'), t('statistics:files.count')],
    [
      ...stats.files.byStatus.map(({ status, count }) => [statusLabel(status, text), number(count)]),
      [t('statistics:files.total'), number(stats.files.total)],
    ],
  );
  const communes = figureTable(
    t('statistics:communes.title'),
    [t('statistics:communes.commune'), t('statistics:communes.count')],
    stats.communes.map(({ commune, count }) => [commune ?? t('statistics:communes.unknown'), number(count)]),
  );
  const amountRows: [string, number, number | null][] = [
    ['asked', amounts.asked, amounts.askedShare],
    ['accepted', amounts.accepted, amounts.acceptedShare],
  ];
  if (amounts.budget !== null) amountRows.push(['budget', amounts.budget, 1]);
  const amountTable = figureTable(
    t('statistics:amounts.title'),
    [t('statistics:amounts.what'), t('statistics:amounts.amount'), t('statistics:amounts.share')],
    amountRows.map(([row, value, share]) => [
      t(`statistics:amounts.row.${row}`),
      euros(value),
      percent(share),
    ]),
  );
  const jobsTable = figureTable(
    t('statistics:jobs.title'),
    ['what', 'created', 'kept', 'total', 'share'].map((column) => t(`statistics:jobs.${column}`)),
    [
      ...(['accepted', 'pending'] as const).map((row) => [
        t(`statistics:jobs.row.${row}`),
        number(jobs[row].created),
        number(jobs[row].kept),
        number(jobs[row].total),
        percent(jobs[row].total / jobs.target),
      ]),
      [t('statistics:jobs.row.target'), '', '', number(jobs.target), percent(1)],
    ],
  );
  const decisions = figureTable(
    t('statistics:decisions.title'),
    [t('statistics:decisions.date'), t('statistics:decisions.accepted'), t('statistics:decisions.rejected')],
    stats.decisions.map((row) => [
      row.date === null ? t('statistics:decisions.beforeFirst') : day(row.date),
      number(row.accepted),
      number(row.rejected),
    ]),
  );

  const questionRows = (questions: FunnelQuestion[], label: (key: string) => string) =>
    questions.map((question) => ({
      cells: [
        t('statistics:funnel.question', { label: label(question.key) }),
        number(question.reached),
        number(question.stopped),
      ],
      value: question.reached,
    }));
  const funnelTable = (caption: string, rows: { cells: string[]; value: number }[]) =>
    figureTable(
      caption,
      [t('statistics:funnel.step'), t('statistics:funnel.reached'), t('statistics:funnel.stopped')],
      rows.map((row) => row.cells),
      rows.map((row) => row.value),
    );
  const step = (key: string, value: number) => ({ cells: [t(key), number(value), ''], value });
  const checkLabel = (key: string) => {
    const localeKey = `statistics:funnel.checkQuestion.${key}`;
    return text.hasKey(localeKey) ? t(localeKey) : key;
  };
  const fieldLabel = (key: string) => {
    const localeKey = `committee:field.${key}`;
    return text.hasKey(localeKey) ? t(localeKey) : key;
  };

  return {
    number,
    euros,
    asOf: t('statistics:asOf', { date: day(stats.asOf) }),
    files,
    communes,
    amounts: amountTable,
    jobs: jobsTable,
    jobsPeriod: t('statistics:jobs.period', {
      target: number(jobs.target),
      months: number(jobs.months),
      from: day(jobs.from),
      // `to` is the first day after the period: the sentence names its last day.
      to: day(new Date(Date.parse(`${jobs.to}T00:00:00Z`) - 24 * 3600 * 1000).toISOString().slice(0, 10)),
    }),
    decisions,
    funnelMonths: funnel.months
      ? t('statistics:funnel.months', { from: month(funnel.months.from), to: month(funnel.months.to) })
      : t('statistics:funnel.none'),
    funnelCheck: funnelTable(t('statistics:funnel.check'), [
      step('statistics:funnel.started', funnel.check.started),
      ...questionRows(funnel.check.questions, checkLabel),
      ...EFFECTS.map((effect) => step(`statistics:funnel.verdict.${effect}`, funnel.check.verdicts[effect])),
    ]),
    funnelApplication: funnelTable(t('statistics:funnel.application'), [
      step('statistics:funnel.applicationStarted', funnel.application.started),
      ...questionRows(funnel.application.questions, fieldLabel),
      step('statistics:funnel.submitted', funnel.application.submitted),
    ]),
  };
}
