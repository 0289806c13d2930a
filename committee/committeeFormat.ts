import { isFinalStatus } from '../dialogs/domain/applicationStatus.js';
import { stripBidi } from '../dialogs/domain/plainText.js';
import { fileFlagLines } from '../dialogs/fileFlagLines.js';
import type { SupportedLocale } from '../dialogs/translator.js';
import {
  choiceLabel,
  reasonLabel,
  statusLabel,
  verdictLabel,
  type CommitteeText,
} from './committeeLabels.js';
import { displayedHistory, displayUserId } from '../storage/displayUserId.js';
import { FIELD_REGISTRY, type FieldRegistry, type RecordGroup } from '../dialogs/domain/fieldRegistry.js';
import {
  applicationRecord,
  dataKeysOf,
  flagsOf,
  type ContactRequest,
  type StoredApplication,
} from '../storage/index.js';

export type { CommitteeText } from './committeeLabels.js';

// The committee sits in Alès: times are shown on the Paris clock whatever the machine's time zone.
/** Where the committee sits: its dates and times, and the days a Kbis' age is counted in. */
export const TIME_ZONE = 'Europe/Paris';
const INTL_LOCALE: Record<SupportedLocale, string> = { fr: 'fr-FR', en: 'en-GB' };
const COMPANY_WIDTH = 32;

export function formatDateTime(iso: string, locale: SupportedLocale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE } as const;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], format).format(date);
}

function formatDay(iso: string, locale: SupportedLocale): string {
  // A calendar date has no time zone: read and print it as UTC so it never moves by a day.
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'short', timeZone: 'UTC' }).format(date);
}

export function formatAmount(value: number, locale: SupportedLocale): string {
  const format: Intl.NumberFormatOptions = {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 2,
    minimumFractionDigits: 0,
  };
  return new Intl.NumberFormat(INTL_LOCALE[locale], format).format(value);
}

/**
 * Applicants typed this text: drop control characters so it cannot drive the committee's terminal, and
 * bidirectional controls so it cannot reorder what the committee reads.
 */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return stripBidi(text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ''));
}

/**
 * One value as a person reads it, by the kind the field registry gives its key: amounts in euros,
 * percentages, dates on the French clock, yes/no, lists. A key the registry does not know (an older form's)
 * is read by its value alone.
 */
export function formatValue(
  key: string,
  value: unknown,
  text: CommitteeText,
  registry: FieldRegistry = FIELD_REGISTRY,
): string {
  const { locale, t } = text;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('committee:value.none');
  }
  if (typeof value === 'boolean') return t(value ? 'committee:value.yes' : 'committee:value.no');
  const kind = registry.find(key)?.kind;
  if (typeof value === 'number') {
    if (kind === 'amount') return formatAmount(value, locale);
    if (kind === 'percent') {
      return new Intl.NumberFormat(INTL_LOCALE[locale], {
        style: 'percent',
        maximumFractionDigits: 2,
      }).format(value / 100);
    }
    return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
  }
  if (typeof value === 'string') {
    if (key === 'eligibility.reasons') return reasonLabel(value, text);
    const label = choiceLabel(key, value, text, registry);
    if (label !== undefined) return label;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value, locale);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, locale);
    return clean(value);
  }
  if (Array.isArray(value)) return value.map((item) => formatValue(key, item, text, registry)).join(', ');
  return clean(JSON.stringify(value));
}

/** Columns padded to their widest cell, two spaces apart; `right` marks the columns of numbers. */
export function renderTable(headers: string[], rows: string[][], right: boolean[] = []): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (right[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function oneLine(value: string, width?: number): string {
  const flat = stripBidi(value).replace(/\s+/g, ' ').trim();
  return width !== undefined && flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

export function applicationsTable(apps: StoredApplication[], text: CommitteeText): string {
  const header = (key: string): string => text.t(`committee:list.header.${key}`);
  const field = (app: StoredApplication, key: string): string => formatValue(key, app.data[key], text);
  const rows = apps.map((app) => [
    app.reference,
    statusLabel(app.status, text),
    formatDateTime(app.submittedAt, text.locale),
    oneLine(field(app, 'company.name'), COMPANY_WIDTH),
    oneLine(field(app, 'company.commune')),
    oneLine(field(app, 'project.amountRequested')),
    oneLine(field(app, 'project.jobsCreated')),
    app.eligibility ? verdictLabel(app.eligibility.verdict, text) : text.t('committee:value.none'),
    flagsOf(app)
      .map((flag) => text.t(`committee:flag.${flag}`))
      .join(', '),
    erasureCell(app, text),
  ]);
  const headers = [
    'reference',
    'status',
    'submittedAt',
    'company',
    'commune',
    'amount',
    'jobs',
    'verdict',
    'flags',
    'erasure',
  ].map(header);
  return renderTable(headers, rows, [false, false, false, false, false, true, true, false, false, false]);
}

/** The list's erasure column: when the applicant asked for it, and whether the file is anonymised yet. */
function erasureCell(app: StoredApplication, text: CommitteeText): string {
  const requested = app.retention?.erasureRequestedAt;
  if (!requested) return '';
  const at = formatDateTime(requested, text.locale);
  return text.t(app.retention?.anonymisedAt ? 'committee:erasure.doneCell' : 'committee:erasure.askedCell', {
    at,
  });
}

const SECTIONS: readonly RecordGroup[] = ['company', 'project', 'contact', 'other'];

/** The section of a key: the registry's, else its prefix for a key of an older form. */
function sectionOf(key: string, registry: FieldRegistry): RecordGroup {
  const known = registry.find(key)?.section;
  if (known) return known;
  const prefix = key.split('.')[0];
  return SECTIONS.find((section) => section === prefix) ?? 'other';
}

/** The whole file, meta first, then the form by section, then the history. */
export function applicationBlock(
  app: StoredApplication,
  text: CommitteeText,
  registry: FieldRegistry = FIELD_REGISTRY,
): string {
  const { t } = text;
  const record = applicationRecord(app, registry); // the normalised values (SIRET without spaces…)
  const withCode = (label: string, code: string): string => (label === code ? code : `${label} (${code})`);
  const meta: [string, string][] = [
    ['status', withCode(statusLabel(app.status, text), app.status)],
    ['submittedAt', formatDateTime(app.submittedAt, text.locale)],
    ['channel', clean(app.channel)],
    ['origin', withCode(t(`committee:origin.${app.origin}`), app.origin)],
    ['userId', clean(displayUserId(app.userId))],
  ];
  if (app.advisorId !== undefined) meta.push(['advisorId', clean(app.advisorId)]);
  // Every file shows its verdict (computed again at submission), and what the committee should check.
  meta.push([
    'verdict',
    app.eligibility ? verdictLabel(app.eligibility.verdict, text) : t('committee:value.none'),
  ]);
  if (app.eligibility !== undefined) {
    meta.push(['reasons', formatValue('eligibility.reasons', app.eligibility.reasons, text)]);
    const check = app.eligibility.check;
    if (check && check.verdict !== app.eligibility.verdict)
      meta.push(['checkVerdict', verdictLabel(check.verdict, text)]);
  }
  const requested = app.retention?.erasureRequestedAt;
  if (requested) {
    const at = formatDateTime(requested, text.locale);
    const anonymised = app.retention?.anonymisedAt;
    meta.push([
      'erasure',
      anonymised
        ? t('committee:erasure.done', { at, anonymisedAt: formatDateTime(anonymised, text.locale) })
        : t(isFinalStatus(app.status) ? 'committee:erasure.due' : 'committee:erasure.waiting', { at }),
    ]);
  }
  const flagLines = fileFlagLines(app, t, (amount) => formatAmount(amount, text.locale));
  meta.push(['flags', flagLines.length > 0 ? flagLines.join('\n') : t('committee:flagDetail.none')]);
  const groups = new Map<string, [string, string][]>();
  for (const key of dataKeysOf(app, registry)) {
    const section = sectionOf(key, registry);
    const labelKey = registry.find(key)?.labelKey ?? `committee:field.${key}`;
    const label = text.hasKey(labelKey) ? t(labelKey) : key;
    groups.set(section, [
      ...(groups.get(section) ?? []),
      [label, formatValue(key, record[key], text, registry)],
    ]);
  }
  const labelled: [string, string][] = meta.map(([key, value]) => [t(`committee:show.meta.${key}`), value]);
  const width = Math.max(...[...labelled, ...[...groups.values()].flat()].map(([label]) => label.length));
  const lines = (pairs: [string, string][]): string[] =>
    pairs.map(([label, value]) => {
      const indented = value.replace(/\n/g, `\n${' '.repeat(width + 5)}`);
      return `  ${t('committee:show.line', { label: label.padEnd(width), value: indented })}`;
    });
  const sections = SECTIONS.filter((section) => groups.has(section));
  return [
    t('committee:show.title', { reference: app.reference }),
    ...lines(labelled),
    ...sections.flatMap((section) => [
      '',
      t(`committee:show.section.${section}`),
      ...lines(groups.get(section) ?? []),
    ]),
    '',
    t('committee:show.section.history'),
    ...displayedHistory(app).map((change) => {
      if (change.kind === 'documentAdded') {
        const key = `documents:piece.${change.piece ?? 'other'}`;
        return `  ${t('committee:show.historyDocumentAdded', {
          at: formatDateTime(change.at, text.locale),
          by: clean(change.by),
          piece: text.hasKey(key) ? t(key) : clean(change.piece ?? ''),
          documentId: clean(change.documentId ?? ''),
        })}`;
      }
      const line = t('committee:show.historyLine', {
        at: formatDateTime(change.at, text.locale),
        by: clean(change.by),
        from: change.from ? statusLabel(change.from, text) : t('committee:show.submission'),
        to: statusLabel(change.to, text),
      });
      const comment = change.comment
        ? `  ${t('committee:show.historyComment', { comment: clean(change.comment) })}`
        : '';
      return `  ${line}${comment}`;
    }),
  ].join('\n');
}

export function contactRequestsTable(requests: ContactRequest[], text: CommitteeText): string {
  const { t } = text;
  const cell = (value: string | undefined, width?: number): string =>
    value === undefined || value === '' ? t('committee:value.none') : oneLine(clean(value), width);
  const rows = requests.map((request) => [
    formatDateTime(request.createdAt, text.locale),
    t(`committee:callbacks.kind.${request.kind}`),
    t(`committee:callbacks.status.${request.status}`),
    cell(request.name, 28),
    cell(request.phone),
    cell(request.preferredMoment, 24),
    cell(request.reason, 40),
    cell(displayUserId(request.userId), 24),
  ]);
  const keys = ['createdAt', 'kind', 'status', 'name', 'phone', 'moment', 'reason', 'userId'];
  return renderTable(
    keys.map((key) => t(`committee:callbacks.header.${key}`)),
    rows,
  );
}
