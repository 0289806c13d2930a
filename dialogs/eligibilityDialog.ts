import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { messageWithChoices } from './choices.js';
import type { FlowOptions, FlowResult } from './flow.js';
import type { EligibilityAnswers } from './domain/eligibilityRules.js';
import { computeVerdict } from './domain/eligibilityVerdict.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import { EligibilitySource } from './eligibilitySource.js';
import { verdictMessages } from './eligibilityVerdictMessages.js';
import { commandKey } from './globalCommands.js';
import { detectMenuIntent, type MenuEntry } from './menuIntents.js';
import { QuestionnaireDialog, type QuestionnaireResult } from './questionnaire/questionnaireDialog.js';
import { answerText } from './questionnaire/answerText.js';
import { languageOf } from './translator.js';
import { profileOf, type ProfileAccessor } from './userProfile.js';

export const ELIGIBILITY_DIALOG = 'eligibility';
const QUESTIONS = 'eligibilityQuestions';
const STEPS = 'eligibilitySteps';

const NEXT_STEPS: Record<'OK' | 'REVIEW' | 'NO', MenuEntry[]> = {
  OK: ['apply', 'advisor'],
  REVIEW: ['apply', 'advisor'],
  NO: ['advisor'],
};

/** The eligibility check: the questions (generic walker), then the verdict explained and the next step. */
export class EligibilityDialog extends ComponentDialog {
  constructor(
    private readonly profiles: ProfileAccessor,
    private readonly settings: ProgrammeSettings,
    private readonly clock: () => Date,
  ) {
    super(ELIGIBILITY_DIALOG);
    this.addDialog(new QuestionnaireDialog(QUESTIONS, new EligibilitySource(profiles, settings, clock)));
    this.addDialog(
      new WaterfallDialog(STEPS, [this.start.bind(this), this.verdict.bind(this), this.nextStep.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async start(step: WaterfallStepContext<FlowOptions>): Promise<DialogTurnResult> {
    const profile = await profileOf(this.profiles, step.context);
    const { t } = languageOf(step.context);
    const inProgress = profile.eligibility && !profile.eligibility.completedAt && !step.options?.restart;
    if (inProgress && Object.keys(profile.eligibility?.answers ?? {}).length > 0) {
      await step.context.sendActivity(t('eligibility:resumed'));
    } else {
      profile.eligibility = { answers: {}, startedAt: this.clock().toISOString() };
      await this.profiles.set(step.context, profile);
      await step.context.sendActivity(t('eligibility:intro'));
    }
    return step.beginDialog(QUESTIONS);
  }

  private async verdict(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as QuestionnaireResult | undefined;
    if (result?.outcome === 'advisor') return step.endDialog({ next: 'advisor' } satisfies FlowResult);
    if (result?.outcome !== 'done') return step.endDialog({} satisfies FlowResult);

    const profile = await profileOf(this.profiles, step.context);
    const answers = (profile.eligibility?.answers ?? {}) as EligibilityAnswers;
    const verdict = computeVerdict(answers, this.settings);
    const shown = verdict.verdict === 'NO' ? verdict.failing : verdict.toReview;
    profile.eligibility = {
      answers,
      startedAt: profile.eligibility?.startedAt ?? this.clock().toISOString(),
      completedAt: this.clock().toISOString(),
      verdict: { verdict: verdict.verdict, reasons: shown.map((r) => r.reason) },
    };
    await this.profiles.set(step.context, profile);

    const language = languageOf(step.context);
    const messages = verdictMessages(language, verdict, this.settings, this.clock());
    await step.context.sendActivities(messages.map((text) => ({ type: 'message', text })));
    const choices = [...NEXT_STEPS[verdict.verdict].map((entry) => language.t(`eligibility:next.${entry}`))];
    choices.push(language.t('eligibility:next.menu'));
    await step.context.sendActivity(
      messageWithChoices(step.context, language.t('eligibility:verdict.nextStep'), choices),
    );
    return Dialog.EndOfTurn;
  }

  private async nextStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = languageOf(step.context);
    const text = answerText(step.context.activity);
    const key = commandKey(text);
    const chosen = (['apply', 'advisor'] as const).find(
      (entry) => key === commandKey(t(`eligibility:next.${entry}`)),
    );
    const intent = chosen ?? detectMenuIntent(text);
    return step.endDialog({
      next: intent && intent !== 'greeting' ? intent : undefined,
    } satisfies FlowResult);
  }
}
