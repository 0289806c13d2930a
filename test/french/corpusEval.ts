import { fileURLToPath } from 'node:url';
import { findField, RETIRED_FIELDS, type ApplicationContext } from '../../dialogs/domain/applicationForm.js';
import type { EligibilityContext } from '../../dialogs/domain/eligibilityQuestions.js';
import { eligibilityQuestion } from '../../dialogs/domain/eligibilityRuleSet.js';
import { loadProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import type { AnswerValue, Question } from '../../dialogs/questionnaire/question.js';
import { readAnswer, type AnswerReading } from '../../dialogs/questionnaire/readAnswer.js';
import type { CorpusCase } from './corpusTypes.js';

/** Frozen settings and clock: the corpus never reads the CCI's file nor today's date. */
export const settings = loadProgrammeSettings(
  fileURLToPath(new URL('../../../test/french/settings.fixture.json', import.meta.url)),
);
export const NOW = new Date('2026-11-26T10:00:00Z');

export type Outcome = 'storedRight' | 'confirmed' | 'askedAgain' | 'storedWrong';

/** The kind of field a question key belongs to, for the per-kind figures. */
const KINDS: [RegExp, string][] = [
  [/turnover|balanceSheet|investment|amountRequested|deMinimis|otherFinancingAmount/, 'amount'],
  [/headcount|jobs/, 'count'],
  [/groupShare/, 'percent'],
  [/Date$/, 'date'],
  [/independent/, 'yesNo'],
  [/legalForm|proceedings|goodStanding|project\.type|projectType/, 'choice'],
  [/aidTypes|mentoringNeeds/, 'list'],
  [/^documents$/, 'documents'],
  [/declarations/, 'attestation'],
  [/commune/, 'commune'],
  [/siret/, 'siret'],
  [/nafCode|sector/, 'activity'],
  [/email|phone/, 'contact'],
  [/Name$/, 'name'],
];

export function kindOf(question: string): string {
  return KINDS.find(([pattern]) => pattern.test(question))?.[1] ?? 'text';
}

export function isTrap(testCase: CorpusCase): boolean {
  return typeof testCase.expected === 'string' || 'confirm' in testCase.expected;
}

type AnyQuestion = Question<ApplicationContext & EligibilityContext>;

function questionOf(key: string): AnyQuestion {
  const question = key.startsWith('eligibility.')
    ? eligibilityQuestion(key.slice('eligibility.'.length))
    : // The documents question is no longer asked: its cases still measure the reading of older drafts.
      (findField(key) ?? RETIRED_FIELDS.find((field) => field.key === key));
  if (!question) throw new Error(`No question ${key} in the corpus`);
  return question as AnyQuestion;
}

/** Expected objects may name only some keys (a commune by its INSEE code); lists compare as sets. */
export function sameValue(expected: AnswerValue | undefined, actual: AnswerValue | undefined): boolean {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return expected.length === actual.length && expected.every((e) => actual.some((a) => sameValue(e, a)));
  }
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => sameValue(value, actual[key]));
  }
  return expected === actual;
}

/** The bot's reading of one case, through the same function the dialog uses. */
export function readCase(testCase: CorpusCase): AnswerReading {
  const context = { settings, locale: 'fr' as const, now: NOW };
  return readAnswer(questionOf(testCase.question), testCase.text, testCase.answers ?? {}, context);
}

export interface CaseResult {
  testCase: CorpusCase;
  reading: AnswerReading;
  outcome: Outcome;
}

export function judge(testCase: CorpusCase): CaseResult {
  const reading = readCase(testCase);
  const { expected } = testCase;
  let outcome: Outcome;
  if (reading.outcome === 'store') {
    const right =
      typeof expected !== 'string' &&
      'value' in expected &&
      sameValue(expected.value, reading.value) &&
      Object.entries(testCase.also ?? {}).every(([key, value]) => sameValue(value, reading.also?.[key]));
    outcome = right ? 'storedRight' : 'storedWrong';
  } else if (reading.outcome === 'ask') outcome = 'askedAgain';
  else outcome = 'confirmed';
  return { testCase, reading, outcome };
}

export interface KindFigures {
  kind: string;
  clear: Record<Outcome, number>;
  traps: { caught: number; stored: number };
}

const zero = (): Record<Outcome, number> => ({ storedRight: 0, confirmed: 0, askedAgain: 0, storedWrong: 0 });

export function figures(results: readonly CaseResult[]): KindFigures[] {
  const byKind = new Map<string, KindFigures>();
  for (const result of results) {
    const kind = kindOf(result.testCase.question);
    const entry = byKind.get(kind) ?? { kind, clear: zero(), traps: { caught: 0, stored: 0 } };
    if (isTrap(result.testCase)) entry.traps[result.outcome === 'storedWrong' ? 'stored' : 'caught'] += 1;
    else entry.clear[result.outcome] += 1;
    byKind.set(kind, entry);
  }
  return [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}
