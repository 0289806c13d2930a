import type { TurnContext } from 'botbuilder';
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
import { ELIGIBILITY, type EligibilityRuleSet } from './domain/eligibilityRuleSet.js';
import type { Effect, ProgrammeSettings } from './domain/programmeSettings.js';
import { EligibilitySource } from './eligibilitySource.js';
import { verdictMessages } from './eligibilityVerdictMessages.js';
import { commandKey } from './globalCommands.js';
import { detectMenuIntent, type MenuEntry } from './menuIntents.js';
import {
  QuestionnaireDialog,
  type QuestionnaireOptions,
  type QuestionnaireResult,
} from './questionnaire/questionnaireDialog.js';
import { answerText } from './questionnaire/answerText.js';
import { languageOf } from './translator.js';
import type { EligibilityStore } from './eligibilityStore.js';
import type { CompanyLookupOptions } from './companyLookupDialog.js';
import { siretIn } from './openingSiret.js';
import { funnelEvents } from './funnelEvents.js';

export const ELIGIBILITY_DIALOG = 'eligibility';
const QUESTIONS = 'eligibilityQuestions';
const STEPS = 'eligibilitySteps';

const NEXT_STEPS: Record<'OK' | 'REVIEW' | 'NO', MenuEntry[]> = {
  OK: ['apply', 'advisor'],
  REVIEW: ['apply', 'advisor'],
  NO: ['advisor'],
};

export interface EligibilityDialogOptions {
  id?: string;
  /** 'advisor': a CCI advisor checks a company on its behalf; questions and verdict speak of "l'entreprise". */
  audience?: 'owner' | 'advisor';
  /** Replaces the owner's next-step buttons after the verdict (the advisor's own follow-ups). */
  afterVerdict?: (step: WaterfallStepContext, verdict: Effect) => Promise<DialogTurnResult>;
  /** The rules to check (the programme's by default). */
  rules?: EligibilityRuleSet;
  /**
   * The company lookup (dialogs/companyLookupDialog.ts), offered as the check's first question when `offered`
   * says so (not yet done for this owner, or the check restarted); absent: off.
   */
  lookup?: { dialog: Dialog; offered: (context: TurnContext, restart: boolean) => Promise<boolean> };
}

/** The eligibility check: the questions (generic walker), then the verdict explained and the next step. */
export class EligibilityDialog extends ComponentDialog {
  private readonly audience: 'owner' | 'advisor';
  private readonly rules: EligibilityRuleSet;

  constructor(
    private readonly store: EligibilityStore,
    private readonly settings: ProgrammeSettings,
    private readonly clock: () => Date,
    private readonly options: EligibilityDialogOptions = {},
  ) {
    super(options.id ?? ELIGIBILITY_DIALOG);
    this.audience = options.audience ?? 'owner';
    this.rules = options.rules ?? ELIGIBILITY;
    this.addDialog(
      new QuestionnaireDialog(
        QUESTIONS,
        new EligibilitySource(store, settings, clock, this.audience, this.rules),
        // An advisor's pre-screen is no applicant's step: only the owner's check is counted.
        this.audience === 'owner' ? 'check' : undefined,
      ),
    );
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.start.bind(this),
        this.questions.bind(this),
        this.verdict.bind(this),
        this.nextStep.bind(this),
      ]),
    );
    if (options.lookup) this.addDialog(options.lookup.dialog);
    this.initialDialogId = STEPS;
  }

  private async start(
    step: WaterfallStepContext<FlowOptions & { correct?: string }>,
  ): Promise<DialogTurnResult> {
    // "Corriger ma réponse" after a NO: straight to the answer that caused it, the others kept.
    const correct = step.options?.correct;
    if (correct) return step.beginDialog(QUESTIONS, { startAt: correct });
    const record = await this.store.get(step.context);
    const { t } = languageOf(step.context);
    const context = this.audience === 'advisor' ? { context: 'advisor' } : {};
    const inProgress = record && !record.completedAt && !step.options?.restart;
    const resumed = inProgress && Object.keys(record?.answers ?? {}).length > 0;
    (step.values as { resumed?: boolean }).resumed = resumed === true;
    if (resumed) {
      await step.context.sendActivity(t('eligibility:resumed', context));
    } else {
      await this.store.set(step.context, { answers: {}, startedAt: this.clock().toISOString() });
      if (this.audience === 'owner') funnelEvents.checkStarted(step.context);
      await step.context.sendActivity(t('eligibility:intro', context));
      const lookup = this.options.lookup;
      const query = step.options?.companyQuery ?? siretIn(step.options?.opening);
      if (lookup && (query || (await lookup.offered(step.context, step.options?.restart === true)))) {
        return step.beginDialog(lookup.dialog.id, (query ? { query } : {}) satisfies CompanyLookupOptions);
      }
    }
    return step.next();
  }

  /**
   * The questions the rules still need (a confirmed company has answered some of them). The owner may describe
   * the company in one sentence; a first message that did so already counts.
   */
  private async questions(step: WaterfallStepContext<FlowOptions>): Promise<DialogTurnResult> {
    const opening = step.options?.opening;
    const options: QuestionnaireOptions = opening
      ? { sentence: opening }
      : { opener: (step.values as { resumed?: boolean }).resumed !== true && this.audience === 'owner' };
    return step.beginDialog(QUESTIONS, options);
  }

  private async verdict(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as QuestionnaireResult | undefined;
    if (result?.outcome === 'advisor') return step.endDialog({ next: 'advisor' } satisfies FlowResult);
    if (result?.outcome !== 'done') return step.endDialog({} satisfies FlowResult);

    const record = await this.store.get(step.context);
    const answers = (record?.answers ?? {}) as EligibilityAnswers;
    const now = this.clock();
    const verdict = this.rules.computeVerdict(answers, { settings: this.settings, now });
    const shown = verdict.verdict === 'NO' ? verdict.failing : verdict.toReview;
    await this.store.set(step.context, {
      ...record,
      answers,
      startedAt: record?.startedAt ?? this.clock().toISOString(),
      completedAt: now.toISOString(),
      verdict: { verdict: verdict.verdict, reasons: shown.map((r) => r.reason) },
    });

    if (this.audience === 'owner') funnelEvents.verdict(step.context, verdict.verdict);
    const language = languageOf(step.context);
    const messages = verdictMessages(language, verdict, this.settings, now, this.audience);
    await step.context.sendActivities(messages.map((text) => ({ type: 'message', text })));
    if (this.options.afterVerdict) return this.options.afterVerdict(step, verdict.verdict);
    const choices = [...NEXT_STEPS[verdict.verdict].map((entry) => language.t(`eligibility:next.${entry}`))];
    const failing = verdict.failing[0];
    const correct = failing && this.rules.rules.find((rule) => rule.id === failing.ruleId)?.questions[0]?.key;
    if (correct) {
      (step.values as { correct?: string }).correct = correct;
      choices.unshift(language.t('eligibility:next.correct'));
    }
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
    const correct = (step.values as { correct?: string }).correct;
    if (correct && key === commandKey(t('eligibility:next.correct'))) {
      return step.replaceDialog(STEPS, { correct });
    }
    const chosen = (['apply', 'advisor'] as const).find(
      (entry) => key === commandKey(t(`eligibility:next.${entry}`)),
    );
    const intent = chosen ?? detectMenuIntent(text);
    return step.endDialog({
      next: intent && intent !== 'greeting' ? intent : undefined,
    } satisfies FlowResult);
  }
}
