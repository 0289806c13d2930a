import { FIELD_REGISTRY, type FieldRegistry } from '../dialogs/domain/fieldRegistry.js';
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
  // When the applicant asked for erasure ("supprimer mes données") and when the file was anonymised.
  'retention.erasureRequestedAt',
  'retention.anonymisedAt',
  'eligibility.checkVerdict',
  'flags',
  'flags.duplicateOf',
  'flags.costGap',
] as const;

/** What `flags` lists: the points the committee should look at (issue 15). */
export type ApplicationFlag = 'ineligible' | 'ineligibleReview' | 'duplicateSiret' | 'costMismatch';

/** The form values, in file order: the keys of the field registry (dialogs/domain/fieldRegistry.ts). */
export const APPLICATION_DATA_KEYS: readonly string[] = FIELD_REGISTRY.keys;

/** Every key of a record, in record order: meta, form values, then the audit trail. */
export function applicationColumns(registry: FieldRegistry = FIELD_REGISTRY): string[] {
  return [...APPLICATION_META_KEYS, ...registry.keys, 'history'];
}

export const APPLICATION_COLUMNS: readonly string[] = applicationColumns();

const RESERVED_KEYS = new Set<string>([...APPLICATION_META_KEYS, 'history']);

/**
 * One application as a flat record keyed like DOMAIN.md (`company.siret`, `eligibility.verdict`…): what
 * `committee list --json` prints and what the HTTP API returns. The conversation reference is internal
 * and left out; keys with no value are absent.
 */
export function applicationToRecord(app: StoredApplication): Record<string, unknown> {
  return applicationRecord(app, FIELD_REGISTRY);
}

/** The same record for the fields of a given registry (a form with an extra field, in a test). */
export function applicationRecord(app: StoredApplication, registry: FieldRegistry): Record<string, unknown> {
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
    if (app.eligibility.check) record['eligibility.checkVerdict'] = app.eligibility.check.verdict;
  }
  if (app.retention?.erasureRequestedAt !== undefined)
    record['retention.erasureRequestedAt'] = app.retention.erasureRequestedAt;
  if (app.retention?.anonymisedAt !== undefined)
    record['retention.anonymisedAt'] = app.retention.anonymisedAt;
  const flags = flagsOf(app);
  if (flags.length > 0) record.flags = flags;
  if (app.checks?.duplicateOf?.length) record['flags.duplicateOf'] = [...app.checks.duplicateOf];
  const cost = app.checks?.costMismatch;
  if (cost) record['flags.costGap'] = cost.investment - cost.amountRequested - cost.otherFinancing;
  for (const key of dataKeysOf(app, registry)) {
    record[key] = key === 'company.siret' ? normaliseSiret(app.data[key]) : app.data[key];
  }
  record.history = displayedHistory(app);
  return record;
}

/**
 * The form keys of a file: those of the registry first, in its order, then any other in stored order (a key
 * of an older form stays readable).
 */
export function dataKeysOf(app: StoredApplication, registry: FieldRegistry = FIELD_REGISTRY): string[] {
  const order = new Map<string, number>(registry.keys.map((key, index) => [key, index]));
  // A form key spelled like a meta key ("status") would overwrite the real one: never let it through.
  const keys = Object.keys(app.data).filter((key) => !RESERVED_KEYS.has(key) || order.has(key));
  const rank = (key: string): number => order.get(key) ?? order.size;
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

/** The flags of a file, in a fixed order: a NO verdict, sent for review as ineligible, a SIRET seen twice, a cost. */
export function flagsOf(app: Pick<StoredApplication, 'eligibility' | 'checks'>): ApplicationFlag[] {
  const flags: ApplicationFlag[] = [];
  if (app.eligibility?.verdict === 'NO') flags.push('ineligible');
  if (app.checks?.ineligibleReview) flags.push('ineligibleReview');
  if (app.checks?.duplicateOf?.length) flags.push('duplicateSiret');
  if (app.checks?.costMismatch) flags.push('costMismatch');
  return flags;
}
