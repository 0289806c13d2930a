import { findField } from './domain/applicationForm.js';
import { commandKey } from './globalCommands.js';
import type { Translate } from './translator.js';

/** Words before a field's name that say nothing of which one: "modifier le chiffre d'affaires", "change my email". */
const FILLERS = new Set([
  'modifier', 'corriger', 'changer', 'edit', 'change', 'correct', 'update', 'le', 'la', 'l', 'les', 'mon', 'ma',
  'mes', 'notre', 'nos', 'du', 'de', 'des', 'd', 'un', 'une', 'the', 'my', 'our', 'a', 'an', 'svp', 'please',
]); // prettier-ignore

const words = (text: string) =>
  commandKey(text)
    .replace(/\be ?mail\b/g, 'email')
    .split(' ')
    .filter((word) => word !== '' && !FILLERS.has(word));

/**
 * The field a sentence names among `keys`, by its label ("modifier e-mail", "le chiffre d'affaires", "Code
 * NAF"): the label said in full, or the one label that holds every word said. Undefined when none or several do.
 */
export function fieldNamed(text: string, keys: readonly string[], t: Translate): string | undefined {
  const said = words(text);
  if (said.length === 0) return undefined;
  const labelled = keys.flatMap((key) => {
    const field = findField(key);
    return field ? [{ key, label: words(t(field.labelKey)) }] : [];
  });
  const exact = labelled.find(({ label }) => label.join(' ') === said.join(' '));
  if (exact) return exact.key;
  const holding = labelled.filter(({ label }) => said.every((word) => label.includes(word)));
  return holding.length === 1 ? holding[0].key : undefined;
}
