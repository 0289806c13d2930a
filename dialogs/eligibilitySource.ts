import type { TurnContext } from 'botbuilder';
import type { EligibilityContext } from './domain/eligibilityQuestions.js';
import { ELIGIBILITY, type EligibilityRuleSet } from './domain/eligibilityRuleSet.js';
import type { EligibilityAnswers } from './domain/eligibilityRules.js';
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
    private readonly rules: EligibilityRuleSet = ELIGIBILITY,
  ) {}

  async load(context: TurnContext): Promise<Answers> {
    return ((await this.store.get(context))?.answers ?? {}) as Answers;
  }

  async save(context: TurnContext, key: string, value: AnswerValue): Promise<void> {
    const record = (await this.store.get(context)) ?? { answers: {}, startedAt: this.clock().toISOString() };
    await this.store.set(context, { ...record, answers: { ...record.answers, [key]: value } });
  }

  next(answers: Answers, context: EligibilityContext) {
    const key = this.rules.nextQuestion(answers as EligibilityAnswers, context);
    return key ? (this.rules.question(key) ?? null) : null;
  }

  find(key: string) {
    return this.rules.question(key);
  }

  questionContext(context: TurnContext): EligibilityContext {
    return {
      settings: this.settings,
      now: this.clock(),
      locale: languageOf(context).locale,
      audience: this.audience,
    };
  }

  /** "Question 3 sur 10", from what the rules still need. */
  progress(answers: Answers, question: { key: string }, context: EligibilityContext) {
    return this.rules.progress(answers as EligibilityAnswers, question.key, context);
  }
}
