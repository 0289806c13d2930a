import type { StoredApplication } from './applicationQueue.js';
import { displayedHistory, displayUserId } from './displayUserId.js';

/** What a submitted file carries besides its form values (DOMAIN.md, the paragraph after the table). */
export const APPLICATION_META_KEYS = [
  'reference',
  'status',
  'submittedAt',
  'channel',
  'origin',
  'userId',
  'advisorId',
  'eligibility.verdict',
  'eligibility.reasons',
] as const;

/** The form values, in the order of DOMAIN.md's "The application file" table. */
export const APPLICATION_DATA_KEYS = [
  'company.name',
  'company.siret',
  'company.legalForm',
  'company.creationDate',
  'company.nafCode',
  'company.address',
  'company.postalCode',
  'company.commune',
  'company.inseeCode',
  'company.headcount',
  'company.turnover',
  'company.balanceSheet',
  'company.independent',
  'company.groupShare',
  'company.proceedings',
  'company.goodStanding',
  'company.deMinimisReceived',
  'project.type',
  'project.description',
  'project.aidTypes',
  'project.investment',
  'project.amountRequested',
  'project.otherFinancing',
  'project.jobsCreated',
  'project.jobsKept',
  'project.startDate',
  'project.mentoringNeeds',
  'contact.firstName',
  'contact.lastName',
  'contact.role',
  'contact.email',
  'contact.phone',
  'notice.acknowledgedAt',
  'documents',
] as const;

/** Values in euros (the CLI shows them as amounts; the CSV and JSON keep plain numbers). */
export const APPLICATION_AMOUNT_KEYS: readonly string[] = [
  'company.turnover',
  'company.balanceSheet',
  'company.deMinimisReceived',
  'project.investment',
  'project.amountRequested',
];

/** Every key of a record, in record order: meta, form values, then the audit trail. */
export const APPLICATION_COLUMNS: readonly string[] = [
  ...APPLICATION_META_KEYS,
  ...APPLICATION_DATA_KEYS,
  'history',
];

const RESERVED_KEYS = new Set<string>(APPLICATION_COLUMNS);
const DATA_ORDER = new Map<string, number>(APPLICATION_DATA_KEYS.map((key, index) => [key, index]));

/**
 * One application as a flat record keyed like DOMAIN.md (`company.siret`, `eligibility.verdict`…): what
 * `committee list --json` prints and what the HTTP API will return. The conversation reference is internal
 * and left out; keys with no value are absent.
 */
export function applicationToRecord(app: StoredApplication): Record<string, unknown> {
  const record: Record<string, unknown> = {
    reference: app.reference,
    status: app.status,
    submittedAt: app.submittedAt,
    channel: app.channel,
    origin: app.origin,
    // A pseudonym: the channel's user id itself (a web visitor's secret) never leaves the server.
    userId: displayUserId(app.userId),
  };
  if (app.advisorId !== undefined) record.advisorId = app.advisorId;
  if (app.eligibility !== undefined) {
    record['eligibility.verdict'] = app.eligibility.verdict;
    record['eligibility.reasons'] = [...app.eligibility.reasons];
  }
  for (const key of dataKeysOf(app)) {
    record[key] = key === 'company.siret' ? normaliseSiret(app.data[key]) : app.data[key];
  }
  record.history = displayedHistory(app);
  return record;
}

/** The form keys of a file: those of the DOMAIN.md table first, in its order, then any other in stored order. */
export function dataKeysOf(app: StoredApplication): string[] {
  // A form key spelled like a meta key ("status") would overwrite the real one: never let it through.
  const keys = Object.keys(app.data).filter((key) => !RESERVED_KEYS.has(key) || DATA_ORDER.has(key));
  const rank = (key: string): number => DATA_ORDER.get(key) ?? DATA_ORDER.size;
  return keys
    .filter((key) => app.data[key] !== undefined)
    .map((key, index) => ({ key, index }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.index - b.index)
    .map(({ key }) => key);
}

/** 14 digits, no spaces; a SIRET stored as a number gets back the leading zeros a number cannot keep. */
function normaliseSiret(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
    return String(value).padStart(14, '0');
  if (typeof value === 'string') return value.replace(/\s/g, '');
  return value;
}
