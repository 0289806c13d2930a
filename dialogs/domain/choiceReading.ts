import { answerOf, invalid, unsure, type Display, type Interpretation } from '../questionnaire/question.js';
import { parseYesNo, type ParserLocale } from '../french/index.js';
import { foldWords, NOT_A_CHOICE } from './applicationFieldKit.js';

type Patterns<V extends string> = ReadonlyArray<readonly [V, RegExp]>;

export interface ChoiceRules<V extends string> {
  /** What a negated choice means ("pas de redressement" → none, "aucun retard" → à jour). */
  negated?: Partial<Record<V, V>>;
  /** Choices that win over others said with them ("on a étalé les dettes, pas vraiment à jour" → plan). */
  wins?: Partial<Record<V, readonly V[]>>;
  /** Words that put a choice in the past ("on a été en redressement il y a 3 ans"): it is confirmed. */
  past?: RegExp;
  /** What a plain yes or no means when no choice is named ("pas du tout" → no procedure). */
  yesNo?: { yes?: V; no?: V };
}

export interface ChoiceReading<V extends string> {
  /** The choices meant, in the order typed; several means the bot offers them. */
  values: V[];
  /** A hedge ("je crois"), an exception ("oui sauf la TVA") or the past: the bot confirms. */
  doubt?: 'hedged' | 'nuance' | 'past';
}

/** A negation reaches the choice it stands right before: "pas de", "ni", "aucun", "pas une". */
const NEGATION =
  /\b(pas|ni|sans|aucune?|jamais|plus|non pas|not|no|never)( (de|d|du|des|en|une?|le|la|les|a|of|in))*$/;
const HEDGE =
  /\b(je crois|je pense|il me semble|normalement|a priori|probablement|sans doute|peut etre|i think|probably|maybe)\b/;
const EXCEPTION = /\b(sauf|excepte|hormis|a part|except|but)\b/;

/**
 * Reads a closed answer in a sentence: every choice named, minus those negated, with what a negation means
 * for this question. Patterns earlier in the list claim their words first ("SAS unipersonnelle" is a SASU,
 * never also a SAS).
 */
export function readChoice<V extends string>(
  text: string,
  patterns: Patterns<V>,
  rules: ChoiceRules<V> = {},
): ChoiceReading<V> {
  const folded = foldWords(text);
  const claimed: { value: V; start: number; end: number }[] = [];
  for (const [value, pattern] of patterns) {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    );
    for (const match of folded.matchAll(global)) {
      const start = match.index;
      const end = start + match[0].length;
      if (match[0].length > 0 && !claimed.some((c) => start < c.end && end > c.start)) {
        claimed.push({ value, start, end });
      }
    }
  }
  claimed.sort((a, b) => a.start - b.start);
  const said: V[] = [];
  let previousEnd = 0;
  for (const hit of claimed) {
    const before = folded.slice(previousEnd, hit.start).trim();
    const meant = NEGATION.test(before) ? rules.negated?.[hit.value] : hit.value;
    if (meant !== undefined && !said.includes(meant)) said.push(meant);
    previousEnd = hit.end;
  }
  const values = said.filter(
    (value) => !said.some((other) => other !== value && rules.wins?.[other]?.includes(value)),
  );
  const doubt =
    rules.past && rules.past.test(folded)
      ? 'past'
      : HEDGE.test(folded)
        ? 'hedged'
        : EXCEPTION.test(folded)
          ? 'nuance'
          : undefined;
  return { values, doubt };
}

/** A closed answer as the questionnaire reads it: one choice, several to offer, or one to confirm. */
export function interpretChoice<V extends string>(
  text: string,
  values: readonly V[],
  patterns: Patterns<V>,
  rules: ChoiceRules<V>,
  show: (value: V) => Display,
  locale: ParserLocale = 'fr',
): Interpretation {
  const { values: said, doubt } = readChoice(text, patterns, rules);
  if (said.length === 0) {
    const yesNo = rules.yesNo ? parseYesNo(text, locale) : undefined;
    const meant = yesNo?.ok ? rules.yesNo?.[yesNo.value ? 'yes' : 'no'] : undefined;
    return meant === undefined
      ? invalid(NOT_A_CHOICE)
      : answerOf(meant, show(meant), yesNo?.ok && yesNo.certain);
  }
  const readings = (list: readonly V[]) => list.map((value) => ({ value, display: show(value) }));
  const [first, ...others] = said;
  if (others.length > 0) return unsure(first, show(first), 'several', readings(others));
  if (doubt === 'past') {
    const now = rules.negated?.[first];
    return now === undefined || now === first
      ? unsure(first, show(first), 'past')
      : unsure(now, show(now), 'past', readings([first]));
  }
  if (doubt === 'nuance') {
    return unsure(first, show(first), 'nuance', readings(values.filter((value) => value !== first)));
  }
  return answerOf(first, show(first), doubt !== 'hedged');
}
