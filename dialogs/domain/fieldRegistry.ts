import type { FieldKind } from '../questionnaire/question.js';
import type { ApplicationField } from './applicationFieldKit.js';
import { APPLICATION_FORM, RETIRED_FIELDS } from './applicationForm.js';
import { REGISTER_PREFILL_KEY } from './companyRegisterAnswers.js';

export type { FieldKind } from '../questionnaire/question.js';

/** The sections of a stored file, in the order the committee reads them. */
export const RECORD_GROUPS = ['company', 'project', 'contact', 'other'] as const;
export type RecordGroup = (typeof RECORD_GROUPS)[number];

/**
 * One key of the stored file, as every reader of it needs to know it: the CSV column, what the value is
 * (how the CLI, the API and the advisor card format it), whether it identifies a person (retention
 * anonymises it), its committee label (`committee:field.<key>`, a locale key in both locales) and its section.
 */
export interface RegistryField {
  key: string;
  kind: FieldKind;
  personal: boolean;
  /** The recap group the form shows it in (`undefined` for a key no question asks). */
  group?: ApplicationField['group'];
  /** The section of the file it sits in, by its key's prefix (`documents` has none: "other"). */
  section: RecordGroup;
  /** Locale key of the committee's label. */
  labelKey: string;
  /** The header of its column in the committee's CSV export. */
  column: string;
  /** Among the facts shown first on the advisor's file card. */
  summary: boolean;
  /** A closed answer's stored codes and the locale keys of their labels (`takeover` → « Reprise »). */
  choiceLabelKeys?: Readonly<Record<string, string>>;
}

/** Keys of the file that no question asks: the dialog writes them (the notice is acknowledged, not asked). */
export const DIALOG_RECORD_FIELDS: readonly RegistryField[] = [
  recordField('notice.acknowledgedAt', 'dateTime'),
];

/** Written by the dialog too, read after the answers of their section: which keys the company register filled. */
export const TRAILING_RECORD_FIELDS: readonly RegistryField[] = [recordField(REGISTER_PREFILL_KEY, 'list')];

function recordField(key: string, kind: FieldKind, from?: ApplicationField): RegistryField {
  const prefix = key.split('.')[0];
  return {
    key,
    kind,
    personal: from?.personal === true,
    group: from?.group,
    section: RECORD_GROUPS.find((section) => section === prefix && section !== 'other') ?? 'other',
    labelKey: `committee:field.${key}`,
    column: key,
    summary: from?.summary === true && from.key === key,
    ...(from?.choices && from.key === key
      ? { choiceLabelKeys: Object.fromEntries(from.choices.map((choice) => [choice.value, choice.labelKey])) }
      : {}),
  };
}

export interface FieldRegistry {
  /** Every key of the file, in file order: company, project, contact (form order within each), then the rest. */
  readonly fields: readonly RegistryField[];
  readonly keys: readonly string[];
  /** The keys retention anonymises. */
  readonly personalKeys: readonly string[];
  find(key: string): RegistryField | undefined;
}

/**
 * The registry of a form: its fields, each once, with the keys a field stores beyond its own (the commune
 * fills postal code, name and INSEE code). The form definition is the single source: nothing else lists keys.
 */
export function fieldRegistry(
  form: readonly ApplicationField[],
  dialogFields: readonly RegistryField[] = DIALOG_RECORD_FIELDS,
  trailingFields: readonly RegistryField[] = TRAILING_RECORD_FIELDS,
): FieldRegistry {
  const fromForm = form.flatMap((field) =>
    field.record
      ? field.record.fields.map(({ key, kind }) => recordField(key, kind, field))
      : [recordField(field.key, field.kind, field)],
  );
  const rank = (group: RecordGroup) => RECORD_GROUPS.indexOf(group);
  // The dialog's keys first among the "other" ones: the notice is read before the documents (DOMAIN.md).
  const fields = [...dialogFields, ...fromForm, ...trailingFields]
    .map((field, index) => ({ field, index }))
    .sort((a, b) => rank(a.field.section) - rank(b.field.section) || a.index - b.index)
    .map(({ field }) => field);
  const keys = fields.map((field) => field.key);
  if (new Set(keys).size !== keys.length) {
    throw new Error(`Field registry: a key is defined twice (${keys.join(', ')})`);
  }
  const byKey = new Map(fields.map((field) => [field.key, field]));
  return {
    fields,
    keys,
    personalKeys: fields.filter((field) => field.personal).map((field) => field.key),
    find: (key) => byKey.get(key),
  };
}

/** The AliZé file's registry: what storage, retention, the CSV, the CLI, the API and the advisor card read. */
export const FIELD_REGISTRY: FieldRegistry = fieldRegistry([...APPLICATION_FORM, ...RETIRED_FIELDS]);
