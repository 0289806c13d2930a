import type { TurnContext } from 'botbuilder';
import { findField } from './domain/applicationForm.js';
import { APPLICATION_FACT_KEYS, CHECK_FACT_KEYS } from './domain/factTargets.js';
import type { EligibilityContext } from './domain/eligibilityQuestions.js';
import { ELIGIBILITY, type EligibilityRuleSet } from './domain/eligibilityRuleSet.js';
import type { EligibilityAnswers } from './domain/eligibilityRules.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import type { Answers, AnswerValue } from './questionnaire/question.js';
import type { FactTargets } from './questionnaire/factTargets.js';
import type { QuestionnaireSource } from './questionnaire/questionnaireDialog.js';
import { readAnswer } from './questionnaire/readAnswer.js';
import type { EligibilityStore } from './eligibilityStore.js';
import { languageOf } from './translator.js';

/** The eligibility check as a questionnaire: answers in the given store, the rules pick the order. */
export class EligibilitySource implements QuestionnaireSource<EligibilityContext> {
  /** A sentence's facts: the check's own questions, and those of the file kept for the application. */
  readonly facts: FactTargets = {
    own: CHECK_FACT_KEYS,
    carried: {
      keys: APPLICATION_FACT_KEYS,
      read: (context, key, text, answers) => {
        const field = findField(key);
        return field ? readAnswer(field, text, answers, this.questionContext(context)) : undefined;
      },
      load: async (context) => {
        const record = await this.store.get(context);
        return { ...this.rules.prefill(record?.answers ?? {}), ...record?.carried };
      },
      save: async (context, key, value) => {
        const record = (await this.store.get(context)) ?? {
          answers: {},
          startedAt: this.clock().toISOString(),
        };
        await this.store.set(context, { ...record, carried: { ...record.carried, [key]: value } });
      },
    },
    factContext: (context) => ({
      territory: this.settings.territory,
      locale: languageOf(context).locale,
      now: this.clock(),
    }),
  };

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
