import { FIELD_REGISTRY, type FieldRegistry } from '../dialogs/domain/fieldRegistry.js';
import { applicationsToCsv, type StatusChange, type StoredApplication } from '../storage/index.js';
import { formatDateTime, formatValue } from './committeeFormat.js';
import {
  choiceLabel,
  columnLabel,
  originLabel,
  reasonLabel,
  statusLabel,
  verdictLabel,
  type CommitteeText,
} from './committeeLabels.js';

/** Digits Excel must keep as text: a SIRET (7,32829E+13), a postal or INSEE code (07… loses its 0), a phone. */
const EXCEL_TEXT_COLUMNS: ReadonlySet<string> = new Set([
  'company.siret',
  'company.postalCode',
  'company.inseeCode',
  'contact.phone',
]);

export interface CommitteeCsvOptions {
  /** Record keys as headers and codes as values (`received`, `takeover`), for tools: the export as it was. */
  keys?: boolean;
}

/**
 * The committee's export for French Excel: column titles and values in the committee's words (« Statut »,
 * « reçu », « Reprise »), numbers still numbers, SIRET and codes kept as text. `keys` gives the machine form.
 */
export function committeeCsv(
  apps: readonly StoredApplication[],
  text: CommitteeText,
  options: CommitteeCsvOptions = {},
  registry: FieldRegistry = FIELD_REGISTRY,
): string {
  if (options.keys) return applicationsToCsv(apps, undefined, registry);
  return applicationsToCsv(apps, undefined, registry, {
    title: (key) => columnLabel(key, text, registry),
    value: (key, value) => shownValue(key, value, text, registry),
    excelText: EXCEL_TEXT_COLUMNS,
  });
}

function shownValue(key: string, value: unknown, text: CommitteeText, registry: FieldRegistry): unknown {
  if (value === undefined || value === null || typeof value === 'number') return value;
  if (key === 'status') return statusLabel(String(value), text);
  if (key === 'origin') return originLabel(String(value), text);
  if (key === 'eligibility.verdict') return verdictLabel(String(value), text);
  if (key === 'eligibility.reasons' && Array.isArray(value))
    return value.map((reason) => reasonLabel(String(reason), text));
  if (key === 'history' && Array.isArray(value))
    return (value as StatusChange[]).map((c) => historyLine(c, text));
  if (typeof value === 'boolean') return text.t(value ? 'committee:value.yes' : 'committee:value.no');
  if (Array.isArray(value)) return value.map((item) => choiceLabel(key, item, text, registry) ?? item);
  if (typeof value === 'string') {
    const label = choiceLabel(key, value, text, registry);
    if (label !== undefined) return label;
    // Dates the French way (17/03/2026 09:00, Paris time): French Excel reads them as dates.
    if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/.test(value)) return formatValue(key, value, text, registry);
  }
  return value;
}

/** « 17/03/2026 09:00 Comité : reçu → en cours d’examen (commentaire) ». */
function historyLine(change: StatusChange, text: CommitteeText): string {
  const from = change.from ? statusLabel(change.from, text) : text.t('committee:show.submission');
  const line = text.t('committee:show.historyLine', {
    at: formatDateTime(change.at, text.locale),
    by: change.by,
    from,
    to: statusLabel(change.to, text),
  });
  return change.comment
    ? `${line} ${text.t('committee:show.historyComment', { comment: change.comment })}`
    : line;
}
