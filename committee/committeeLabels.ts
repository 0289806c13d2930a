import type { TurnLanguage } from '../dialogs/translator.js';
import { FIELD_REGISTRY, type FieldRegistry } from '../dialogs/domain/fieldRegistry.js';
import type { StatusChange } from '../storage/index.js';

/** What the committee's human output needs: the sentences, and whether a field has a label of its own. */
export interface CommitteeText extends TurnLanguage {
  hasKey(key: string): boolean;
}

const REASON_PREFIX = 'eligibility:reason.';

/** `received` → « reçu ». An unknown code (a newer version's) is shown as it is. */
export function statusLabel(status: string, text: CommitteeText): string {
  const key = `committee:status.label.${status}`;
  return text.hasKey(key) ? text.t(key) : status;
}

/** `NO` → « non éligible ». */
export function verdictLabel(verdict: string, text: CommitteeText): string {
  const key = `committee:verdict.${verdict}`;
  return text.hasKey(key) ? text.t(key) : verdict;
}

/**
 * `eligibility:reason.proceedings.liquidation` → « liquidation judiciaire »: the committee's short label of a
 * rule's reason. The file keeps the reason key only (the applicant's sentence needs its figures).
 */
export function reasonLabel(reason: string, text: CommitteeText): string {
  const tail = reason.startsWith(REASON_PREFIX) ? reason.slice(REASON_PREFIX.length) : reason;
  const key = `committee:reason.${tail}`;
  return text.hasKey(key) ? text.t(key) : reason;
}

export function originLabel(origin: string, text: CommitteeText): string {
  const key = `committee:origin.${origin}`;
  return text.hasKey(key) ? text.t(key) : origin;
}

/**
 * The label of a closed answer's stored code (`takeover` → « Reprise », `financial` → « avance remboursable »),
 * from the form's own choices; undefined for a value that is not one of its codes (free text, numbers).
 */
export function choiceLabel(
  key: string,
  value: unknown,
  text: CommitteeText,
  registry: FieldRegistry = FIELD_REGISTRY,
): string | undefined {
  const labels = registry.find(key)?.choiceLabelKeys;
  if (!labels || typeof value !== 'string') return undefined;
  // A list's items have a lower-case name for sentences (`application:item.aidTypes.financial`).
  const list = Object.values(labels)[0]?.replace(/\.[^.]+$/, '');
  const candidates = [list ? `${list.replace(':choice.', ':item.')}.${value}` : undefined, labels[value]];
  const found = candidates.find((candidate) => candidate !== undefined && text.hasKey(candidate));
  return found === undefined ? undefined : text.t(found);
}

/** The label of a column or line of the file: the field's, else the file's own (status, verdict…). */
export function columnLabel(
  key: string,
  text: CommitteeText,
  registry: FieldRegistry = FIELD_REGISTRY,
): string {
  const candidates = [
    registry.find(key)?.labelKey,
    `committee:column.${key}`,
    `committee:show.meta.${key.replace(/^eligibility\./, '')}`,
  ];
  const found = candidates.find((candidate) => candidate !== undefined && text.hasKey(candidate));
  return found === undefined ? key : text.t(found);
}

/**
 * A record of the API and of `--json` with labels next to the codes: `statusLabel`, `originLabel`,
 * `eligibility.verdictLabel`, `eligibility.reasonLabels`, `<key>Label` for a closed answer (`<key>Labels` for a
 * list), `fromLabel`/`toLabel` in the history. The codes themselves are never changed: they are the contract.
 */
export function withLabels(
  record: Record<string, unknown>,
  text: CommitteeText,
  registry: FieldRegistry = FIELD_REGISTRY,
): Record<string, unknown> {
  const labelled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    labelled[key] = value;
    if (key === 'status' && typeof value === 'string') labelled.statusLabel = statusLabel(value, text);
    else if (key === 'origin' && typeof value === 'string') labelled.originLabel = originLabel(value, text);
    else if (key === 'eligibility.verdict' && typeof value === 'string')
      labelled['eligibility.verdictLabel'] = verdictLabel(value, text);
    else if (key === 'eligibility.reasons' && Array.isArray(value))
      labelled['eligibility.reasonLabels'] = value.map((reason) => reasonLabel(String(reason), text));
    else if (key === 'history' && Array.isArray(value))
      labelled.history = (value as StatusChange[]).map((change) => historyWithLabels(change, text));
    else if (Array.isArray(value) && registry.find(key)?.choiceLabelKeys) {
      labelled[`${key}Labels`] = value.map((item) => choiceLabel(key, item, text, registry) ?? String(item));
    } else {
      const label = choiceLabel(key, value, text, registry);
      if (label !== undefined) labelled[`${key}Label`] = label;
    }
  }
  return labelled;
}

function historyWithLabels(change: StatusChange, text: CommitteeText): Record<string, unknown> {
  return {
    ...change,
    fromLabel: change.from ? statusLabel(change.from, text) : null,
    toLabel: statusLabel(change.to, text),
  };
}
