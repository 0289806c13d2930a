import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { ApplicationQueue, StoredApplication } from '../storage/applicationQueue.js';
import type { FlowResult } from './flow.js';
import { ownerOf } from './owner.js';
import { answerText } from './questionnaire/answerText.js';
import { languageOf } from './translator.js';

export const DOWNLOAD_FILE_DIALOG = 'downloadFile';
const REFERENCE = /\bALZ-\d{4}-\d{4,}\b/i;

/** How the PDF reaches the applicant: a personal link, or Teams' file consent card (bot/receipts/). */
export interface FileOffer {
  offer(context: TurnContext, application: StoredApplication): Promise<void>;
}

/**
 * « Télécharger mon dossier en PDF »: the applicant's own file (the one named, or the last sent), never anyone
 * else's: a reference typed by another user gets the same answer as one that does not exist.
 */
export class DownloadFileDialog extends ComponentDialog {
  constructor(
    private readonly queue: ApplicationQueue,
    private readonly files: FileOffer,
  ) {
    super(DOWNLOAD_FILE_DIALOG);
    this.addDialog(new WaterfallDialog('downloadFileSteps', [this.offer.bind(this)]));
    this.initialDialogId = 'downloadFileSteps';
  }

  private async offer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = languageOf(step.context);
    const mine = await this.queue.list(ownerOf(step.context));
    const asked = answerText(step.context.activity).match(REFERENCE)?.[0]?.toUpperCase();
    const application = asked ? mine.find((app) => app.reference === asked) : mine.at(-1);
    if (asked && !application) {
      await step.context.sendActivity(t('status:myFiles.notYours', { reference: asked }));
    } else if (!application) {
      await step.context.sendActivity(t('receipts:download.none'));
    } else if (application.retention?.anonymisedAt) {
      await step.context.sendActivity(t('receipts:download.gone', { reference: application.reference }));
    } else {
      await this.files.offer(step.context, application);
    }
    return step.endDialog({} satisfies FlowResult);
  }
}
