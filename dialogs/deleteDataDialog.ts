import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import type { ContactRequestStore } from '../storage/contactRequests.js';
import { messageWithChoices } from './choices.js';
import type { FlowResult } from './flow.js';
import { parseYesNo } from './french/yesNo.js';
import { commandKey } from './globalCommands.js';
import { ownerOf, type Owner } from './owner.js';
import { answerText } from './questionnaire/answerText.js';
import { languageOf } from './translator.js';

export const DELETE_DATA_DIALOG = 'deleteData';
/** Set on the turn when the user confirmed: the bot erases user and conversation state after the dialogs ran. */
export const ERASE_STATE_KEY = Symbol('alize.eraseState');

/** Submitted files are not deleted on request: they are flagged for the committee's retention policy. */
export type ErasureRequest = (queue: ApplicationQueue, owner: Owner, now: Date) => Promise<string[]>;

/** Flags every file of the user; `npm run committee -- purge` anonymises them once decided. */
export const flagFilesForErasure: ErasureRequest = async (queue, owner, now) => {
  const files = await queue.list(owner);
  for (const file of files) {
    await queue.amend(file.reference, { retention: { erasureRequestedAt: now.toISOString() } });
  }
  return files.map((file) => file.reference);
};

/**
 * "Supprimer mes données": says what will be erased and what cannot be (submitted files), asks for a
 * confirmation, then erases the user's state and drafts and flags their submitted files.
 */
export class DeleteDataDialog extends ComponentDialog {
  constructor(
    private readonly queue: ApplicationQueue,
    private readonly clock: () => Date,
    private readonly requestErasure: ErasureRequest = flagFilesForErasure,
    /** Callback and handoff requests hold a name and a phone: deleted with the rest. */
    private readonly contactRequests?: Pick<ContactRequestStore, 'eraseUser'>,
  ) {
    super(DELETE_DATA_DIALOG);
    this.addDialog(new WaterfallDialog('deleteDataSteps', [this.confirm.bind(this), this.erase.bind(this)]));
    this.initialDialogId = 'deleteDataSteps';
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = languageOf(step.context);
    const files = await this.queue.list(ownerOf(step.context));
    const references = files.map((f) => f.reference).join(', ');
    const text = files.length > 0 ? t('privacy:confirmWithFiles', { references }) : t('privacy:confirm');
    await step.context.sendActivity(
      messageWithChoices(step.context, text, [t('privacy:yes'), t('privacy:no')]),
    );
    return Dialog.EndOfTurn;
  }

  private async erase(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t, locale } = languageOf(step.context);
    const text = answerText(step.context.activity);
    const yesNo = parseYesNo(text, locale);
    const confirmed = commandKey(text) === commandKey(t('privacy:yes')) || (yesNo.ok && yesNo.value);
    if (!confirmed) {
      await step.context.sendActivity(t('privacy:kept'));
      return step.endDialog({} satisfies FlowResult);
    }
    const flagged = await this.requestErasure(this.queue, ownerOf(step.context), this.clock());
    // Contact requests are keyed by the channel's user id (dialogs/contactAdvisorDialog.ts).
    await this.contactRequests?.eraseUser(step.context.activity.from.id);
    markForErasure(step.context);
    await step.context.sendActivity(
      flagged.length > 0
        ? t('privacy:erasedWithFiles', { references: flagged.join(', ') })
        : t('privacy:erased'),
    );
    return step.cancelAllDialogs();
  }
}

export function markForErasure(context: TurnContext): void {
  context.turnState.set(ERASE_STATE_KEY, true);
}
