import type { StatePropertyAccessor } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatusService } from '../../committee/statusService.js';
import type { ApplicationQueue } from '../../storage/applicationQueue.js';
import type { ContactRequestStore } from '../../storage/contactRequests.js';
import { messageWithChoices } from '../choices.js';
import type { ProgrammeSettings } from '../domain/programmeSettings.js';
import { EligibilityDialog } from '../eligibilityDialog.js';
import { conversationEligibilityStore } from '../eligibilityStore.js';
import type { FlowOptions, FlowResult } from '../flow.js';
import { commandKey } from '../globalCommands.js';
import { HANDOVER_DAYS, type HandoverStore } from '../handover.js';
import { answerText } from '../questionnaire/answerText.js';
import { languageOf, type TurnLanguage } from '../translator.js';
import type { EligibilityRecord } from '../userProfile.js';
import type { AdvisorOf } from './advisorIdentity.js';
import { QueueReviewDialog, QUEUE_REVIEW_DIALOG } from './queueReviewDialog.js';
import type { EligibilityRuleSet } from '../domain/eligibilityRuleSet.js';

export const ADVISOR_DIALOG = 'advisorMode';
const STEPS = 'advisorSteps';
const PRESCREEN = 'advisorPrescreen';
const ACTIONS = ['prescreen', 'queue', 'requests', 'leave'] as const;
type Action = (typeof ACTIONS)[number];

export interface AdvisorDeps {
  /** The verified advisor of the turn, or undefined: checked on every turn of this dialog. */
  advisorOf: AdvisorOf;
  queue: ApplicationQueue;
  requests: ContactRequestStore;
  handovers: HandoverStore;
  prescreens: StatePropertyAccessor<{ record?: EligibilityRecord }>;
  settings: ProgrammeSettings;
  clock: () => Date;
  /** Where a status change goes (rules, history, the applicant told). */
  statusService: StatusService;
  eligibilityRules?: EligibilityRuleSet;
}

/** `start`: go straight to an action (a new pre-screen right after the previous one). */
type AdvisorOptions = FlowOptions & { start?: Action };

/**
 * The advisors' mode: pre-screen a company on its behalf (and hand it a code to resume the draft as its own),
 * review the queue and change statuses, read contact requests. The role is checked on every turn, not only at
 * the start: anyone who is not a verified advisor (another member of a shared chat, an advisor whose rights
 * were withdrawn meanwhile) gets a polite refusal that says nothing about the queue, and the mode ends.
 */
export class AdvisorDialog extends ComponentDialog {
  constructor(private readonly deps: AdvisorDeps) {
    super(ADVISOR_DIALOG);
    const store = conversationEligibilityStore(deps.prescreens);
    this.addDialog(
      new EligibilityDialog(store, deps.settings, deps.clock, {
        id: PRESCREEN,
        audience: 'advisor',
        rules: deps.eligibilityRules,
        afterVerdict: async (step) => step.endDialog({ prescreened: true }),
      }),
    );
    this.addDialog(new QueueReviewDialog(deps.queue, deps.statusService, deps.advisorOf));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.menu.bind(this),
        this.route.bind(this),
        this.afterAction.bind(this),
        this.afterPrescreen.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  override async beginDialog(outerDc: DialogContext, options?: AdvisorOptions): Promise<DialogTurnResult> {
    if (!this.deps.advisorOf(outerDc.context)) return this.refuse(outerDc);
    return super.beginDialog(outerDc, options);
  }

  override async continueDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    if (!this.deps.advisorOf(outerDc.context)) return this.refuse(outerDc);
    return super.continueDialog(outerDc);
  }

  private async refuse(outerDc: DialogContext): Promise<DialogTurnResult> {
    await outerDc.context.sendActivity(languageOf(outerDc.context).t('advisor:refused'));
    return outerDc.endDialog({} satisfies FlowResult);
  }

  private async menu(step: WaterfallStepContext<AdvisorOptions>): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    if (step.options?.start) return step.next({ action: step.options.start });
    const titles = ACTIONS.map((action) => language.t(`advisor:menu.${action}`));
    await step.context.sendActivity(messageWithChoices(step.context, language.t('advisor:welcome'), titles));
    return Dialog.EndOfTurn;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const key = commandKey(answerText(step.context.activity));
    const given = (step.result as { action?: Action } | undefined)?.action;
    const action = given ?? ACTIONS.find((a) => commandKey(language.t(`advisor:menu.${a}`)) === key);
    switch (action) {
      case 'prescreen':
        return step.beginDialog(PRESCREEN, { restart: true } satisfies FlowOptions);
      case 'queue':
        return step.beginDialog(QUEUE_REVIEW_DIALOG);
      case 'requests':
        await step.context.sendActivity(await this.requestsMessage(language));
        return step.next();
      case 'leave':
        await step.context.sendActivity(language.t('advisor:left'));
        return step.endDialog({} satisfies FlowResult);
      default:
        await step.context.sendActivity(language.t('advisor:notUnderstood'));
        return step.replaceDialog(STEPS);
    }
  }

  private async afterAction(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!(step.result as { prescreened?: boolean } | undefined)?.prescreened)
      return step.replaceDialog(STEPS);
    const { t } = languageOf(step.context);
    const choices = [
      t('advisor:prescreen.handover'),
      t('advisor:prescreen.again'),
      t('advisor:prescreen.menu'),
    ];
    await step.context.sendActivity(
      messageWithChoices(step.context, t('advisor:prescreen.nextStep'), choices),
    );
    return Dialog.EndOfTurn;
  }

  private async afterPrescreen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = languageOf(step.context);
    const key = commandKey(answerText(step.context.activity));
    if (key === commandKey(t('advisor:prescreen.handover'))) {
      const record = (await this.deps.prescreens.get(step.context, {})).record;
      if (record) {
        const handover = await this.deps.handovers.create(
          this.deps.advisorOf(step.context) ?? '',
          record,
          this.deps.clock(),
        );
        await step.context.sendActivity(
          t('advisor:handover.created', { code: handover.code, days: HANDOVER_DAYS }),
        );
        await this.deps.prescreens.delete(step.context);
      }
    } else if (key === commandKey(t('advisor:prescreen.again'))) {
      return step.replaceDialog(STEPS, { start: 'prescreen' } satisfies AdvisorOptions);
    }
    return step.replaceDialog(STEPS);
  }

  private async requestsMessage(language: TurnLanguage): Promise<string> {
    const requests = await this.deps.requests.list();
    if (requests.length === 0) return language.t('advisor:requests.empty');
    const lines = requests.map((r) =>
      language.t('advisor:requests.line', {
        date: r.createdAt.slice(0, 10),
        kind: language.t(`advisor:requests.kind.${r.kind}`),
        status: r.status,
        details: [r.name, r.phone, r.preferredMoment, r.reason, r.summary].filter(Boolean).join(' · '),
      }),
    );
    return `${language.t('advisor:requests.intro')}\n\n${lines.join('\n')}`;
  }
}
