import type { FieldRegistry } from '../../dialogs/domain/fieldRegistry.js';
import { applicationRecord, dataKeysOf, type StoredApplication } from '../../storage/index.js';
import type { CommitteeText } from '../committeeFormat.js';
import { pdfValue } from './pdfValues.js';

export interface AnswerGroup {
  title: string;
  rows: [string, string][];
}

/** The recap's groups, in its order (dialogs/recap.ts), then what no question asks (the notice read…). */
const GROUPS = ['company', 'project', 'financing', 'contact', 'other'] as const;
type Group = (typeof GROUPS)[number];

function groupOf(key: string, registry: FieldRegistry): Group {
  const field = registry.find(key);
  if (field?.group) return field.group;
  // A key no question asks sits in its section (the register's prefill with the company); an older form's
  // key by its prefix.
  const section = field?.section ?? key.split('.')[0];
  return GROUPS.find((group) => group === section && group !== 'financing') ?? 'other';
}

/** Every answer of the file with the committee's label, grouped as the applicant saw them in the recap. */
export function answerGroups(
  application: StoredApplication,
  text: CommitteeText,
  registry: FieldRegistry,
): AnswerGroup[] {
  const record = applicationRecord(application, registry); // normalised values (a SIRET without spaces…)
  const rows = new Map<Group, [string, string][]>();
  for (const key of dataKeysOf(application, registry)) {
    const labelKey = registry.find(key)?.labelKey ?? `committee:field.${key}`;
    const label = text.hasKey(labelKey) ? text.t(labelKey) : key;
    const group = groupOf(key, registry);
    rows.set(group, [...(rows.get(group) ?? []), [label, pdfValue(key, record[key], text, registry)]]);
  }
  return GROUPS.filter((group) => rows.has(group)).map((group) => ({
    title: text.t(group === 'other' ? 'committee:show.section.other' : `application:group.${group}`),
    rows: rows.get(group) ?? [],
  }));
}
