import type { EligibilityContext } from '../../dialogs/domain/eligibilityQuestions.js';
import type { EligibilityRuleSet } from '../../dialogs/domain/eligibilityRuleSet.js';
import type { Answers } from '../../dialogs/questionnaire/question.js';
import { COMPLIANT_DECLARATIONS } from '../../dialogs/domain/declarations.js';
import { FULL_APPLICATION } from './applicationScript.js';

/**
 * What an applicant types, keyed by question id (the key the bot puts in `channelData.alize.questionId` of the
 * message that asks it): the dialog tests, the HTTP tests, the bench and the crash and fuzz scripts all answer
 * from a book, whatever the order and whichever questions the rules ask. A new question is one line here.
 * Pure data and functions: no botbuilder, no jest, so scripts/ can import it too.
 */
export type AnswerBook = Readonly<Record<string, string>>;

/** The questions whose answer fills another key of the file (FULL_APPLICATION is keyed by stored key). */
const QUESTION_OF_STORED_KEY: Record<string, string> = {
  'company.postalCode': 'company.commune',
};

/**
 * The eligibility check of a typical eligible company: 12 staff in Alès machining parts (25.62B), 3 jobs. Its
 * four declarations are one « attestation sur l'honneur » (`declarations`), answered « Oui, tout est exact »;
 * their own answers are what it says when they are asked one by one.
 */
export const ELIGIBLE_COMPANY_CHECK: AnswerBook = {
  commune: 'Alès',
  headcount: 'nous sommes douze',
  turnover: '1,2 M€',
  balanceSheet: '900 000 €',
  sector: '25.62B',
  jobs: '3',
  proceedings: 'aucune',
  deMinimis: 'aucune',
  independent: 'non',
  projectType: 'développement',
  goodStanding: 'oui',
  declarations: 'Oui, tout est exact',
};

/** Its application file (test/support/applicationScript.ts), by question. */
export const ELIGIBLE_COMPANY_FILE: AnswerBook = Object.fromEntries(
  FULL_APPLICATION.map(([answer, key]) => [QUESTION_OF_STORED_KEY[key] ?? key, answer]),
);

/**
 * The typical eligible company, from the eligibility check to the last question of its application. The check
 * was told of 3 jobs: the file asks how many of them are created (all 3; without the check, the 2 kept follow).
 */
export const ELIGIBLE_COMPANY: AnswerBook = {
  ...ELIGIBLE_COMPANY_CHECK,
  ...ELIGIBLE_COMPANY_FILE,
  'project.jobsCreated': '3',
};

/**
 * The same file answered one fact at a time, as someone who clicks the buttons: the name without its legal
 * form, the street without its commune, the volets without the amount… Every follow-up question is asked.
 */
export const ONE_FACT_PER_ANSWER: AnswerBook = {
  ...ELIGIBLE_COMPANY_FILE,
  'company.name': 'Mécanique Cévenole',
  'company.address': '12 rue de la République',
  'project.aidTypes': 'financier et conseil',
  'project.otherFinancing': 'prêt bancaire du Crédit Agricole',
  'project.jobsCreated': '3',
  'contact.firstName': 'Marie',
  'contact.email': 'marie.dupont@exemple.fr',
};

/** The same company, typed in English. */
export const ELIGIBLE_COMPANY_EN: AnswerBook = {
  ...ELIGIBLE_COMPANY,
  headcount: 'twelve',
  turnover: '1.2 million euros',
  balanceSheet: '€900,000',
  proceedings: 'none',
  deMinimis: 'none',
  independent: 'no',
  projectType: 'development',
  goodStanding: 'yes',
  declarations: 'yes, all correct',
  'project.type': 'development',
  'company.name': 'Mécanique Cévenole SAS',
  'company.address': '12 rue de la République, 30100 Alès',
  'company.legalForm': 'SAS',
  'company.creationDate': '12 March 2015',
  'company.headcount': 'twelve',
  'company.turnover': '1.2 million euros',
  'company.balanceSheet': '€900,000',
  'company.independent': 'no',
  'company.proceedings': 'none',
  'company.goodStanding': 'yes',
  'company.deMinimisReceived': 'none',
  'project.description':
    'We want to buy a five-axis machining centre to produce aeronautical parts in series for our customers.',
  'project.aidTypes': 'an advance of €30,000 and advice',
  'project.investment': '€250,000',
  'project.amountRequested': '€30,000',
  'project.otherFinancing': 'a bank loan from Crédit Agricole of €220,000',
  'project.otherFinancingAmount': '€220,000',
  'project.jobsCreated': 'all',
  'project.startDate': 'end of March 2027',
  'notice.acknowledgedAt': 'I have read this information',
  'contact.isInterlocutor': 'yes',
  'contact.firstName': 'Marie Dupont, manager',
  'contact.role': 'manager',
  'contact.email': 'marie.dupont@exemple.fr, 06 12 34 56 78',
  'contact.phone': '06 12 34 56 78',
};

/** The same company answering the attestation « Non, je précise »: the four declarations are asked one by one. */
export const DECLARED_ONE_BY_ONE: AnswerBook = {
  ...ELIGIBLE_COMPANY_CHECK,
  declarations: 'Non, je précise',
};

const DECLARED = Object.keys(COMPLIANT_DECLARATIONS);

/**
 * A book with some answers changed (a company of 300 people, one that does not know its turnover…). A company
 * for which a declaration is not true (in liquidation, a group unknown) does not attest them all: unless the
 * changes say how, it answers the attestation "non" and then each declaration.
 */
export function withAnswers(book: AnswerBook, changes: Record<string, string>): AnswerBook {
  const declarationChanged = DECLARED.some((key) => key in changes && changes[key] !== book[key]);
  const detail: Record<string, string> =
    declarationChanged && !('declarations' in changes) ? { declarations: 'non' } : {};
  return { ...book, ...changes, ...detail };
}

/** What a bot's message says it asks (QuestionChannelData of dialogs/questionnaire/questionnaireDialog.ts). */
export interface AskedQuestion {
  questionId: string;
  pending?: 'confirm' | 'choose';
}

/** The question the last message of a turn that asks one asks, or undefined (a verdict, a recap card). */
export function questionAsked(replies: readonly { channelData?: unknown }[]): AskedQuestion | undefined {
  for (const reply of [...replies].reverse()) {
    const alize = (reply.channelData as { alize?: Partial<AskedQuestion> } | undefined)?.alize;
    if (typeof alize?.questionId === 'string')
      return { questionId: alize.questionId, pending: alize.pending };
  }
  return undefined;
}

/**
 * The answer to what was asked: the book's for a question, "oui"/"yes" to a confirmation of the bot's reading
 * and the first reading of a choice. A question missing from the book is a test to update, said plainly.
 */
export function answerFor(book: AnswerBook, asked: AskedQuestion, locale: 'fr' | 'en' = 'fr'): string {
  if (asked.pending === 'confirm') return locale === 'fr' ? 'oui' : 'yes';
  if (asked.pending === 'choose') return '1';
  const answer = book[asked.questionId];
  if (answer === undefined)
    throw new Error(`The answer book has no answer to the question "${asked.questionId}"`);
  return answer;
}

/**
 * Answers every question the bot asks from the book, starting from the replies of the last turn, until a turn
 * asks none (or `until` says stop); returns the last replies and the question ids answered, in order.
 */
export async function answerAll<R extends { channelData?: unknown }>(
  say: (text: string) => Promise<R[]>,
  replies: R[],
  book: AnswerBook,
  options: { locale?: 'fr' | 'en'; until?: (asked: AskedQuestion) => boolean; maxTurns?: number } = {},
): Promise<{ replies: R[]; asked: string[] }> {
  const asked: string[] = [];
  for (let turn = 0; turn < (options.maxTurns ?? 80); turn++) {
    const question = questionAsked(replies);
    if (!question || options.until?.(question)) return { replies, asked };
    if (!question.pending) asked.push(question.questionId);
    replies = await say(answerFor(book, question, options.locale));
  }
  throw new Error(`Still asking questions after ${options.maxTurns ?? 80} answers: ${asked.join(', ')}`);
}

/**
 * The values the rules' questions read from a book's answers (the first reading when the bot would confirm or
 * let choose), of every question or `only` those asked: the unit tests of the rules start from the same
 * company as the conversations.
 */
export function bookValues(
  book: AnswerBook,
  rules: EligibilityRuleSet,
  context: EligibilityContext,
  only?: readonly string[],
): Answers {
  const values: Answers = {};
  for (const question of rules.questions.filter((q) => !only || only.includes(q.key))) {
    const text = book[question.key];
    if (text === undefined)
      throw new Error(`The answer book has no answer to the question "${question.key}"`);
    const reading = question.interpret(text, context, values);
    if (reading.kind === 'invalid') throw new Error(`"${text}" is no answer to "${question.key}"`);
    values[question.key] = reading.kind === 'answer' ? reading.value : reading.candidates[0].value;
  }
  return values;
}

/**
 * The application file answered from the book (the typical company's file by default), from the replies that
 * ask its first question up to the recap, or up to the question `stopAt` (left unanswered): whatever the order
 * and the number of questions the form asks.
 */
export async function fillApplication<R extends { channelData?: unknown }>(
  say: (text: string) => Promise<R[]>,
  first: R[],
  options: { book?: AnswerBook; stopAt?: string; locale?: 'fr' | 'en' } = {},
): Promise<{ replies: R[]; asked: string[] }> {
  return answerAll(say, first, options.book ?? ELIGIBLE_COMPANY_FILE, {
    locale: options.locale,
    until: options.stopAt ? (asked) => !asked.pending && asked.questionId === options.stopAt : undefined,
  });
}
