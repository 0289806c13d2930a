import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import type { FlowResult } from './flow.js';
import { messageWithChoices } from './choices.js';
import { isFinalStatus } from './domain/applicationStatus.js';
import { detectMenuIntent } from './menuIntents.js';
import { ownerOf } from './owner.js';
import { answerText } from './questionnaire/answerText.js';
import { myFilesMessage } from './statusMessages.js';
import { languageOf } from './translator.js';

export const MY_FILES_DIALOG = 'myFiles';
const REFERENCE = /\bALZ-\d{4}-\d{4,}\b/i;

/**
 * "Où en est mon dossier ?": the user's own files and what their status means. A file is shown only to the
 * user who submitted it; a reference typed by anyone else gets the same answer as a reference that does not exist.
 */
export class MyFilesDialog extends ComponentDialog {
  constructor(
    private readonly queue: ApplicationQueue,
    /** The PDF of a file can be downloaded from the chat: a button offers it. */
    private readonly offersDownload = false,
  ) {
    super(MY_FILES_DIALOG);
    this.addDialog(new WaterfallDialog('myFilesSteps', [this.show.bind(this), this.next.bind(this)]));
    this.initialDialogId = 'myFilesSteps';
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const language = languageOf(step.context);
    const mine = await this.queue.list(ownerOf(step.context));
    const asked = answerText(step.context.activity).match(REFERENCE)?.[0]?.toUpperCase();
    if (asked && !mine.some((app) => app.reference === asked)) {
      await step.context.sendActivity(language.t('status:myFiles.notYours', { reference: asked }));
      return step.endDialog({} satisfies FlowResult);
    }
    const shown = asked ? mine.filter((app) => app.reference === asked) : mine;
    const text = myFilesMessage(language, shown);
    // An open file may still be withdrawn or corrected from here (the buttons read like the typed requests).
    const download = this.offersDownload && shown.length > 0 ? [language.t('receipts:download.button')] : [];
    if (!shown.some((app) => !isFinalStatus(app.status))) {
      if (download.length === 0) {
        await step.context.sendActivity(text);
        return step.endDialog({} satisfies FlowResult);
      }
      await step.context.sendActivity(
        messageWithChoices(step.context, text, [...download, language.t('eligibility:next.menu')]),
      );
      return Dialog.EndOfTurn;
    }
    // The buttons stay the last thing shown (no menu after them), so a channel keeps them visible.
    await step.context.sendActivity(
      messageWithChoices(step.context, text, [
        language.t('fileRequest:myFiles.withdraw'),
        language.t('fileRequest:myFiles.correct'),
        ...download,
        language.t('eligibility:next.menu'),
      ]),
    );
    return Dialog.EndOfTurn;
  }

  /** A button, or anything else the menu understands ("retirer mon dossier ALZ-…" included). */
  private async next(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const intent = detectMenuIntent(answerText(step.context.activity));
    return step.endDialog({
      next: intent && intent !== 'greeting' ? intent : undefined,
    } satisfies FlowResult);
  }
}
