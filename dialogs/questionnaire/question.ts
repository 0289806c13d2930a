/**
 * A question of a guided dialog, as pure data and functions (no botbuilder): the eligibility check and the
 * application form are both lists of these, walked by one generic dialog.
 */

/** Answers are stored in user state as JSON: a commune or a sector is a small object. */
export type AnswerValue =
  string | number | boolean | null | AnswerValue[] | { [key: string]: AnswerValue | undefined };
export type Answers = Record<string, AnswerValue | undefined>;

/** Parameters for a locale sentence (interpolated by i18next). */
export type Params = Record<string, string | number>;

export interface QuestionChoice {
  value: string;
  /** Locale key of the button title. */
  labelKey: string;
}

/** What the user's text meant for this question. */
export type Interpretation =
  | {
      kind: 'answer';
      value: AnswerValue;
      certain: boolean;
      display?: Display;
      /** Why the value must be confirmed (`hedged`, `magnitude`…), for the log; never the value itself. */
      reason?: string;
      /** Other probable readings, offered as buttons next to the value when it is confirmed. */
      alternatives?: Reading[];
      /** Answers to other questions given in the same breath ("Sophie Martin" to the first name). */
      also?: Answers;
    }
  | { kind: 'invalid'; errorKey: string; params?: Params }
  /** Several things match (a postal code shared by communes): the user picks one. */
  | { kind: 'choose'; candidates: { value: AnswerValue; label: string }[] };

/** One probable reading of an answer, offered as a button when the bot is unsure. */
export interface Reading {
  value: AnswerValue;
  display?: Display;
  also?: Answers;
}

/** How to show a value back to the user: a locale key with parameters, or a literal (a commune's name). */
export type Display = { key: string; params?: Params } | { literal: string };

export interface Question<Context = unknown> {
  key: string;
  /** Locale key of the question itself. */
  promptKey: string;
  /**
   * Parameters for the prompt (e.g. the horizon in months from the programme settings). `answers` are those
   * given so far: a prompt may follow them (i18next's `context` picks "votre prénom" or "son prénom").
   */
  promptParams?: (context: Context, answers?: Answers) => Params;
  /** Locale key of an example answer, shown when the answer was not understood. */
  exampleKey: string;
  /** Buttons for closed questions; free text is accepted too. */
  choices?: QuestionChoice[];
  /**
   * Reads the text. `answers` are those already given, for plausibility checks (620 € of turnover for twelve
   * employees is probably 620 000 €): an implausible value comes back unsure, with the probable readings.
   */
  interpret(text: string, context: Context, answers?: Answers): Interpretation;
  /** Validation that needs the other answers (an amount above the investment); returns an error or null. */
  validate?(
    value: AnswerValue,
    answers: Answers,
    context: Context,
  ): { errorKey: string; params?: Params } | null;
  /**
   * Free-text questions (a name, an address) accept any words, so a global command typed there is a command;
   * on other questions an answer the question recognises wins over a command ("plus tard" to the documents).
   */
  freeText?: boolean;
  /**
   * Keys this question's answer may fill besides its own (`also`): re-answering it (*modifier*) replaces them,
   * where an answer given in passing to another question never overwrites one.
   */
  fills?: readonly string[];
}

export function answerOf(value: AnswerValue, display?: Display, certain = true): Interpretation {
  return { kind: 'answer', value, certain, display };
}

/** A value to confirm, with why and the other probable readings. */
export function unsure(
  value: AnswerValue,
  display: Display | undefined,
  reason: string,
  alternatives: Reading[] = [],
): Interpretation {
  return { kind: 'answer', value, certain: false, display, reason, alternatives };
}

export function invalid(errorKey: string, params?: Params): Interpretation {
  return { kind: 'invalid', errorKey, params };
}

/**
 * What a stored value is, so that every reader of the file (CSV, CLI, API, advisor card) shows it the same
 * way: an amount in euros, a percentage, a calendar date, a yes/no, a list of codes, a code of a closed list.
 */
export type FieldKind =
  'text' | 'choice' | 'list' | 'amount' | 'count' | 'percent' | 'date' | 'dateTime' | 'boolean'; // prettier-ignore

/** A field of the application form: a question, plus where it sits in the file and in the recap. */
export interface FormField<Context = unknown> extends Question<Context> {
  /** What the stored value is (how the committee reads it). */
  kind: FieldKind;
  /** The recap group (Adaptive Card section), and the step of the form it is asked in. */
  group: 'company' | 'project' | 'financing' | 'contact';
  /** Shown on the advisor's file card, among the facts read first. */
  summary?: boolean;
  /** Locale key of the short label shown in the recap and in the list of fields to modify. */
  labelKey: string;
  /** Asked only when this holds for the answers so far (the amount only if the financial volet is chosen). */
  when?(answers: Answers, context: Context): boolean;
  /** Personal data: the information notice must have been acknowledged before it is asked. */
  personal?: boolean;
  /** May be left empty ("plus tard", "aucun") without blocking the submission. */
  optional?: boolean;
  /** How the stored value reads in the recap and the confirmation. */
  display(value: AnswerValue, context: Context): Display;
}
