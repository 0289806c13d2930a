import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatusService } from '../../committee/statusService.js';
import type { ApplicationQueue } from '../../storage/applicationQueue.js';
import {
  APPLICATION_STATUSES,
  STATUS_TRANSITIONS,
  type ApplicationStatus,
} from '../domain/applicationStatus.js';
import { messageWithChoices } from '../choices.js';
import { commandKey } from '../globalCommands.js';
import { answerText } from '../questionnaire/answerText.js';
import { supportsAdaptiveCards } from '../recap.js';
import { languageOf, type TurnLanguage } from '../translator.js';
import type { AdvisorOf } from './advisorIdentity.js';
import { fileCard } from './fileCard.js';

export const QUEUE_REVIEW_DIALOG = 'queueReview';
const STEPS = 'queueReviewSteps';
const REFERENCE = /\bALZ-\d{4}-\d{4,}\b/i;

interface Values {
  reference?: string;
  to?: ApplicationStatus;
}

const moveTitle = (language: TurnLanguage, status: ApplicationStatus) =>
  language.t('advisor:file.move', { label: language.t(`status:label.${status}`) });

/** The queue for advisors: files by status, one file as a card, a status change with its comment. */
export class QueueReviewDialog extends ComponentDialog {
  constructor(
    private readonly queue: ApplicationQueue,
    private readonly statusService: StatusService,
    private readonly advisorOf: AdvisorOf,
  ) {
    super(QUEUE_REVIEW_DIALOG);
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.chooseStatus.bind(this),
        this.list.bind(this),
        this.show.bind(this),
        this.chooseAction.bind(this),
        this.apply.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async chooseStatus(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const all = await this.queue.list();
    const buttons = [
      language.t('advisor:queue.all', { count: all.length }),
      ...APPLICATION_STATUSES.map((status) =>
        language.t('advisor:queue.statusButton', {
          label: language.t(`status:label.${status}`),
          count: all.filter((app) => app.status === status).length,
        }),
      ),
    ];
    await step.context.sendActivity(
      messageWithChoices(step.context, language.t('advisor:queue.chooseStatus'), buttons),
    );
    return Dialog.EndOfTurn;
  }

  private async list(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const key = commandKey(answerText(step.context.activity));
    const status = APPLICATION_STATUSES.find((s) =>
      key.startsWith(commandKey(language.t(`status:label.${s}`))),
    );
    const files = await this.queue.list(status ? { status } : {});
    if (files.length === 0) {
      await step.context.sendActivity(language.t('advisor:queue.empty'));
      return step.endDialog();
    }
    const lines = files.map((app) =>
      language.t('advisor:queue.line', {
        reference: app.reference,
        company: String(app.data['company.name'] ?? '—'),
        commune: String(app.data['company.commune'] ?? '—'),
        amount:
          typeof app.data['project.amountRequested'] === 'number'
            ? language.t('eligibility:display.amount', { amount: app.data['project.amountRequested'] })
            : '—',
        status: language.t(`status:label.${app.status}`),
        date: app.submittedAt.slice(0, 10),
      }),
    );
    await step.context.sendActivity(
      `${language.t('advisor:queue.intro')}\n\n${lines.join('\n')}\n\n${language.t('advisor:queue.pick', { example: files[0].reference })}`,
    );
    return Dialog.EndOfTurn;
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const reference = answerText(step.context.activity).match(REFERENCE)?.[0]?.toUpperCase();
    const app = reference ? await this.queue.get(reference) : undefined;
    if (!app) {
      await step.context.sendActivity(language.t('advisor:queue.unknown', { reference: reference ?? '—' }));
      return step.replaceDialog(STEPS);
    }
    (step.values as Values).reference = app.reference;
    const next = STATUS_TRANSITIONS[app.status];
    const actions = [...next.map((status) => moveTitle(language, status)), language.t('advisor:file.back')];
    if (next.length === 0) await step.context.sendActivity(language.t('advisor:file.final'));
    if (supportsAdaptiveCards(step.context.activity.channelId)) {
      await step.context.sendActivity({ type: 'message', attachments: [fileCard(app, actions, language)] });
    } else {
      const card = fileCard(app, [], language).content as {
        body: { facts?: { title: string; value: string }[] }[];
      };
      const facts = card.body.flatMap((block) => block.facts ?? []).map((f) => `- ${f.title} : ${f.value}`);
      await step.context.sendActivity(
        messageWithChoices(
          step.context,
          `${language.t('advisor:file.title', { reference: app.reference, label: language.t(`status:label.${app.status}`) })}\n\n${facts.join('\n')}`,
          actions,
        ),
      );
    }
    return Dialog.EndOfTurn;
  }

  private async chooseAction(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const key = commandKey(answerText(step.context.activity));
    const to = APPLICATION_STATUSES.find((status) => commandKey(moveTitle(language, status)) === key);
    if (!to) return step.replaceDialog(STEPS);
    (step.values as Values).to = to;
    await step.context.sendActivity(language.t('advisor:comment.ask'));
    return Dialog.EndOfTurn;
  }

  private async apply(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const { reference, to } = step.values as Values;
    const text = answerText(step.context.activity);
    const noComment = [
      'aucun',
      'aucune',
      'non',
      'none',
      'no',
      commandKey(language.t('advisor:comment.none')),
    ];
    const comment = noComment.includes(commandKey(text)) ? undefined : text;
    try {
      await this.statusService.change({
        reference: reference!,
        to: to!,
        by: this.advisorOf(step.context) ?? '',
        ...(comment ? { comment } : {}),
      });
      await step.context.sendActivity(
        language.t('advisor:status.changed', { reference, label: language.t(`status:label.${to}`) }),
      );
    } catch (error) {
      // Someone else (the committee API, another advisor) changed it meanwhile: say so, change nothing.
      if ((error as Error).name !== 'IllegalTransitionError') throw error;
      const current = await this.queue.get(reference!);
      const label = language.t(`status:label.${current?.status ?? 'received'}`);
      await step.context.sendActivity(language.t('advisor:status.illegal', { label }));
    }
    return step.endDialog();
  }
}
