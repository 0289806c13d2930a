import { commandKey } from '../globalCommands.js';
import type { Answers, AnswerValue, Interpretation, Params, Question, Reading } from './question.js';

/**
 * What the bot does with one answer to one question. This is the only place an answer is read: the
 * questionnaire dialog acts on it, and `npm run eval:french` measures it.
 * - store: the value is clear and plausible;
 * - confirm: one or more probable readings, offered as buttons (a hedge, a magnitude in doubt);
 * - choose: several things match (communes sharing a postal code, two NAF codes);
 * - ask: refused, with the reason, and asked again.
 * `reason` names why the bot was unsure or refused, for the log line (never the value).
 */
export type AnswerReading =
  | { outcome: 'store'; value: AnswerValue; display?: Reading['display']; also?: Answers }
  | { outcome: 'confirm'; readings: Reading[]; reason: string }
  | { outcome: 'choose'; candidates: { value: AnswerValue; label: string }[]; reason: string }
  | { outcome: 'ask'; errorKey: string; params?: Params; reason: string };

/** Translates a button's locale key to its title, to recognise a click (which sends the title). */
export type LabelOf = (labelKey: string) => string;

/** `application:error.siretChecksum` → `siretChecksum`. */
const reasonOf = (errorKey: string) => errorKey.slice(errorKey.lastIndexOf('.') + 1);

/** A clicked button sends its title: read it as the button's value first, then as free text. */
function interpretClick<C>(
  question: Question<C>,
  text: string,
  context: C,
  answers: Answers,
  labelOf?: LabelOf,
): Interpretation {
  if (labelOf) {
    const key = commandKey(text);
    const clicked = (question.choices ?? []).find((choice) => commandKey(labelOf(choice.labelKey)) === key);
    if (clicked) {
      const meaning = question.interpret(clicked.value, context, answers);
      if (meaning.kind !== 'invalid') return meaning;
    }
  }
  return question.interpret(text, context, answers);
}

const sameValue = (a: AnswerValue, b: AnswerValue) => JSON.stringify(a) === JSON.stringify(b);

export function readAnswer<C>(
  question: Question<C>,
  text: string,
  answers: Answers,
  context: C,
  labelOf?: LabelOf,
): AnswerReading {
  const meaning = interpretClick(question, text, context, answers, labelOf);
  if (meaning.kind === 'invalid') {
    return {
      outcome: 'ask',
      errorKey: meaning.errorKey,
      params: meaning.params,
      reason: reasonOf(meaning.errorKey),
    };
  }
  if (meaning.kind === 'choose')
    return { outcome: 'choose', candidates: meaning.candidates, reason: 'several' };
  const error = question.validate?.(meaning.value, answers, context);
  if (error) return { outcome: 'ask', ...error, reason: reasonOf(error.errorKey) };
  if (!meaning.certain) {
    const readings: Reading[] = [{ value: meaning.value, display: meaning.display, also: meaning.also }];
    for (const other of meaning.alternatives ?? []) {
      if (!readings.some((r) => sameValue(r.value, other.value))) readings.push(other);
    }
    return { outcome: 'confirm', readings, reason: meaning.reason ?? 'unsure' };
  }
  return { outcome: 'store', value: meaning.value, display: meaning.display, also: meaning.also };
}

/** True when the question recognises this text as one of its answers (so a command typed there yields). */
export function answersQuestion<C>(
  question: Question<C>,
  text: string,
  context: C,
  answers: Answers,
  labelOf?: LabelOf,
): boolean {
  if (question.freeText) return false;
  return interpretClick(question, text, context, answers, labelOf).kind !== 'invalid';
}
