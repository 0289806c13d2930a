import type { Answers, AnswerValue } from '../../dialogs/questionnaire/question.js';

/**
 * What a case expects from the bot:
 * - `{ value }`: a clear answer, to be stored as this value (a confirmation is tolerated but counted);
 * - `{ confirm }`, `'confirm'`, `'ask'`, `'choose'`: a trap, where storing anything without asking is wrong;
 *   `{ confirm }` also names the reading the confirmation must offer.
 */
export type Expected = { value: AnswerValue } | { confirm: AnswerValue } | 'confirm' | 'ask' | 'choose';

export interface CorpusCase {
  /** The question: an application field key, or `eligibility.<key>` for the eligibility check. */
  question: string;
  text: string;
  expected: Expected;
  /** Answers already given when this question is asked (plausibility checks read them). */
  answers?: Answers;
  /** Also stored from the same answer (a full name given at the first-name question). */
  also?: Answers;
}

/** A table row: text, expected, and optionally the answers already given. */
export type Row = readonly [string, Expected, Answers?];

export const v = (value: AnswerValue): Expected => ({ value });
export const c = (confirm: AnswerValue): Expected => ({ confirm });

export function table(question: string, rows: readonly Row[]): CorpusCase[] {
  return rows.map(([text, expected, answers]) => ({ question, text, expected, answers }));
}
