import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatusService } from '../committee/statusService.js';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import { messageWithChoices } from './choices.js';
import { canTransition, IllegalTransitionError, type ApplicationStatus } from './domain/applicationStatus.js';
import type { FlowResult } from './flow.js';
import { formatDate } from './formatting.js';
import { parseYesNo } from './french/yesNo.js';
import { commandKey } from './globalCommands.js';
import { ownedFile } from './ownedFiles.js';
import { chooseOwnedFile, chosenReference } from './ownedFileChoice.js';
import { answerText } from './questionnaire/answerText.js';
import { languageOf } from './translator.js';

export const WITHDRAW_FILE_DIALOG = 'withdrawFile';
const STEPS = 'withdrawFileSteps';

type Values = { reference?: string };

/**
 * "Je veux retirer mon dossier ALZ-2026-0001": the owner's file only, after a confirmation that says what
 * withdrawing means; the status changes through the status service (rules, history, notification).
 */
export class WithdrawFileDialog extends ComponentDialog {
  constructor(
    private readonly queue: ApplicationQueue,
    private readonly statusService: StatusService,
  ) {
    super(WITHDRAW_FILE_DIALOG);
    this.addDialog(
      new WaterfallDialog(STEPS, [this.choose.bind(this), this.confirm.bind(this), this.act.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async choose(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return chooseOwnedFile(step, this.queue, {
      applies: canWithdraw,
      finalKey: 'fileRequest:withdraw.final',
    });
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const { t } = language;
    const reference = chosenReference(step);
    const file = reference ? await ownedFile(this.queue, step.context, reference) : undefined;
    if (!file) {
      await step.context.sendActivity(t('fileRequest:notChosen'));
      return step.endDialog({} satisfies FlowResult);
    }
    (step.values as Values).reference = file.reference;
    const company =
      typeof file.data['company.name'] === 'string' ? file.data['company.name'] : file.reference;
    const text = t('fileRequest:withdraw.confirm', {
      reference: file.reference,
      company,
      date: formatDate(file.submittedAt, language.locale),
    });
    await step.context.sendActivity(
      messageWithChoices(step.context, text, [t('fileRequest:withdraw.yes'), t('fileRequest:withdraw.no')]),
    );
    return Dialog.EndOfTurn;
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const { t } = language;
    const reference = (step.values as Values).reference!;
    const text = answerText(step.context.activity);
    const yes = parseYesNo(text, language.locale);
    const confirmed = commandKey(text) === commandKey(t('fileRequest:withdraw.yes')) || (yes.ok && yes.value);
    // Read again under the owner key: only the owner withdraws, and only a file that may still be withdrawn.
    const file = confirmed ? await ownedFile(this.queue, step.context, reference) : undefined;
    if (!confirmed || !file) {
      await step.context.sendActivity(t('fileRequest:withdraw.kept', { reference }));
      return step.endDialog({} satisfies FlowResult);
    }
    try {
      await this.statusService.change({
        reference,
        to: 'withdrawn',
        by: step.context.activity.from.id,
        comment: t('fileRequest:withdraw.comment'),
      });
    } catch (error) {
      if (!(error instanceof IllegalTransitionError)) throw error;
      await step.context.sendActivity(
        t('fileRequest:withdraw.final', { reference, label: t(`status:label.${error.from}`) }),
      );
      return step.endDialog({} satisfies FlowResult);
    }
    await step.context.sendActivity(t('fileRequest:withdraw.done', { reference }));
    return step.endDialog({} satisfies FlowResult);
  }
}

function canWithdraw(status: ApplicationStatus): boolean {
  return canTransition(status, 'withdrawn');
}
