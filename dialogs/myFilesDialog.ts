import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import type { FlowResult } from './flow.js';
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
  constructor(private readonly queue: ApplicationQueue) {
    super(MY_FILES_DIALOG);
    this.addDialog(new WaterfallDialog('myFilesSteps', [this.show.bind(this)]));
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
    await step.context.sendActivity(myFilesMessage(language, shown));
    return step.endDialog({} satisfies FlowResult);
  }
}
