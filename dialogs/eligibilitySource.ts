import type { TurnContext } from 'botbuilder';
import { eligibilityQuestion, type EligibilityContext } from './domain/eligibilityQuestions.js';
import type { EligibilityAnswers } from './domain/eligibilityRules.js';
import { nextQuestion } from './domain/eligibilityVerdict.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import type { Answers, AnswerValue } from './questionnaire/question.js';
import type { QuestionnaireSource } from './questionnaire/questionnaireDialog.js';
import { languageOf } from './translator.js';
import { profileOf, type ProfileAccessor } from './userProfile.js';

/** The eligibility check as a questionnaire: its answers live in the user's profile, the rules pick the order. */
export class EligibilitySource implements QuestionnaireSource<EligibilityContext> {
  constructor(
    private readonly profiles: ProfileAccessor,
    private readonly settings: ProgrammeSettings,
    private readonly clock: () => Date,
  ) {}

  async load(context: TurnContext): Promise<Answers> {
    const profile = await profileOf(this.profiles, context);
    return (profile.eligibility?.answers ?? {}) as Answers;
  }

  async save(context: TurnContext, key: string, value: AnswerValue): Promise<void> {
    const profile = await profileOf(this.profiles, context);
    const eligibility = profile.eligibility ?? { answers: {}, startedAt: this.clock().toISOString() };
    eligibility.answers = { ...eligibility.answers, [key]: value };
    profile.eligibility = eligibility;
    await this.profiles.set(context, profile);
  }

  next(answers: Answers, context: EligibilityContext) {
    const key = nextQuestion(answers as EligibilityAnswers, context.settings);
    return key ? (eligibilityQuestion(key) ?? null) : null;
  }

  find(key: string) {
    return eligibilityQuestion(key);
  }

  questionContext(context: TurnContext): EligibilityContext {
    return { settings: this.settings, locale: languageOf(context).locale };
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
