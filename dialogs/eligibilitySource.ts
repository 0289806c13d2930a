import type { TurnContext } from 'botbuilder';
import { eligibilityQuestion, type EligibilityContext } from './domain/eligibilityQuestions.js';
import type { EligibilityAnswers } from './domain/eligibilityRules.js';
import { nextQuestion } from './domain/eligibilityVerdict.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import type { Answers, AnswerValue } from './questionnaire/question.js';
import type { QuestionnaireSource } from './questionnaire/questionnaireDialog.js';
import type { EligibilityStore } from './eligibilityStore.js';
import { languageOf } from './translator.js';

/** The eligibility check as a questionnaire: answers in the given store, the rules pick the order. */
export class EligibilitySource implements QuestionnaireSource<EligibilityContext> {
  constructor(
    private readonly store: EligibilityStore,
    private readonly settings: ProgrammeSettings,
    private readonly clock: () => Date,
    private readonly audience: 'owner' | 'advisor' = 'owner',
  ) {}

  async load(context: TurnContext): Promise<Answers> {
    return ((await this.store.get(context))?.answers ?? {}) as Answers;
  }

  async save(context: TurnContext, key: string, value: AnswerValue): Promise<void> {
    const record = (await this.store.get(context)) ?? { answers: {}, startedAt: this.clock().toISOString() };
    await this.store.set(context, { ...record, answers: { ...record.answers, [key]: value } });
  }

  next(answers: Answers, context: EligibilityContext) {
    const key = nextQuestion(answers as EligibilityAnswers, context.settings);
    return key ? (eligibilityQuestion(key) ?? null) : null;
  }

  find(key: string) {
    return eligibilityQuestion(key);
  }

  questionContext(context: TurnContext): EligibilityContext {
    return { settings: this.settings, locale: languageOf(context).locale, audience: this.audience };
  }

  /** "Question 3 sur 10": ten questions for a company whose turnover settles its size, eleven otherwise. */
  progress(answers: Answers, question: { key: string }) {
    const asked = Object.keys(answers).filter((key) => key !== question.key && answers[key] !== undefined);
    const turnover = answers.turnover;
    const needsBalanceSheet =
      turnover === 'unknown' ||
      (typeof turnover === 'number' && turnover > this.settings.smeThresholds.turnover);
    return { index: asked.length + 1, total: Math.max(asked.length + 1, needsBalanceSheet ? 11 : 10) };
  }
}
