import { ELIGIBILITY, ELIGIBILITY_QUESTIONS } from '../../dialogs/domain/eligibilityRuleSet.js';
import {
  ELIGIBLE_COMPANY,
  answerFor,
  questionAsked,
  withAnswers,
  type AnswerBook,
} from '../../test/support/answerBook.js';
import { FULL_APPLICATION } from '../../test/support/applicationScript.js';

export type Phase = 'eligibility' | 'application';

/** One question the bot asks, by its id (`channelData.alize.questionId`), and what this applicant answers. */
export interface Prompt {
  id: string;
  phase: Phase;
  answer: string;
  /** The DOMAIN.md values this answer must leave in the file: [key, value] (undefined: only present). */
  expected: [string, unknown][];
}

/** The question that fills a stored key, when it is not the field of the same key. */
const QUESTION_OF_ROW: Record<string, string> = { 'company.postalCode': 'company.commune' };

/**
 * FULL_APPLICATION for applicant n: the same company, but a name and an e-mail of its own, so a file that
 * ended up with another applicant's answers would show.
 */
export function applicantRows(n: number): [string, string, unknown][] {
  return FULL_APPLICATION.map(([answer, key, value]): [string, string, unknown] => {
    if (key === 'company.name') return [`Mécanique Cévenole ${n}`, key, `Mécanique Cévenole ${n}`];
    if (key === 'contact.email') return [`marie.dupont${n}@exemple.fr`, key, `marie.dupont${n}@exemple.fr`];
    return [answer, key, value];
  });
}

/** Applicant n's answers, by question: the shared answer book with its own rows. */
export function applicantBook(rows: [string, string, unknown][]): AnswerBook {
  return withAnswers(
    ELIGIBLE_COMPANY,
    Object.fromEntries(rows.map(([answer, key]) => [QUESTION_OF_ROW[key] ?? key, answer])),
  );
}

/** Recognises the question a reply asks by its id, and gives this applicant's answer to it. */
export class PromptBook {
  private readonly eligibilityIds = new Set(
    [...ELIGIBILITY_QUESTIONS, ...ELIGIBILITY.attestations.map(({ question }) => question)].map((q) => q.key),
  );
  private readonly expected = new Map<string, [string, unknown][]>();
  private readonly book: AnswerBook;

  constructor(rows: [string, string, unknown][]) {
    this.book = applicantBook(rows);
    for (const [, key, value] of rows) {
      const id = QUESTION_OF_ROW[key] ?? key;
      this.expected.set(id, [...(this.expected.get(id) ?? []), [key, value]]);
    }
  }

  /** The question of the last reply that asks one, in this phase (a confirmation is not a question). */
  recognise(phase: Phase, replies: readonly { channelData?: unknown }[]): Prompt | undefined {
    const asked = questionAsked(replies);
    if (!asked || asked.pending) return undefined;
    const askedPhase: Phase = this.eligibilityIds.has(asked.questionId) ? 'eligibility' : 'application';
    if (askedPhase !== phase) return undefined;
    return {
      id: asked.questionId,
      phase,
      answer: answerFor(this.book, asked),
      expected: phase === 'application' ? (this.expected.get(asked.questionId) ?? []) : [],
    };
  }
}
