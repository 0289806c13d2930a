import { formatAmount, formatValue, type CommitteeText } from '../committeeFormat.js';
import { statusLabel, verdictLabel } from '../committeeLabels.js';
import type { StoredApplication } from '../../storage/index.js';
import { formatNumber } from '../../dialogs/formatting.js';
import { paragraph, table, type TableColumn } from './pdfLayout.js';

const COLUMNS: readonly (Omit<TableColumn, 'header'> & { key: string })[] = [
  { key: 'reference', width: 1.6 },
  { key: 'company', width: 2.8 },
  { key: 'commune', width: 1.6 },
  { key: 'aidTypes', width: 2 },
  { key: 'amount', width: 1.4, align: 'right' },
  { key: 'jobs', width: 1.3, align: 'right' },
  { key: 'verdict', width: 1.5 },
  { key: 'status', width: 1.6 },
];

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * One line a file: reference, company, commune, volets, advance asked, jobs created + kept, verdict, status;
 * then the totals the committee weighs against the call's budget and the programme's job target.
 */
export function summaryTable(
  doc: PDFKit.PDFDocument,
  files: readonly StoredApplication[],
  text: CommitteeText,
): void {
  const { t, locale } = text;
  const field = (file: StoredApplication, key: string): string => formatValue(key, file.data[key], text);
  const jobs = (file: StoredApplication): string =>
    t('pdf:dossier.jobs', {
      created: formatNumber(count(file.data['project.jobsCreated']), locale),
      kept: formatNumber(count(file.data['project.jobsKept']), locale),
    });
  table(
    doc,
    COLUMNS.map(({ key, ...column }) => ({ ...column, header: t(`pdf:dossier.header.${key}`) })),
    files.map((file) => [
      file.reference,
      field(file, 'company.name'),
      field(file, 'company.commune'),
      field(file, 'project.aidTypes'),
      field(file, 'project.amountRequested'),
      jobs(file),
      file.eligibility ? verdictLabel(file.eligibility.verdict, text) : t('committee:value.none'),
      statusLabel(file.status, text),
    ]),
    9,
  );
  const sum = (key: string): number => files.reduce((total, file) => total + count(file.data[key]), 0);
  paragraph(
    doc,
    t('pdf:dossier.totals', {
      count: files.length,
      amount: formatAmount(sum('project.amountRequested'), locale),
      created: formatNumber(sum('project.jobsCreated'), locale),
      kept: formatNumber(sum('project.jobsKept'), locale),
    }),
    { bold: true },
  );
}
