import { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatusService } from '../committee/statusService.js';
import type { ApplicationQueue } from '../storage/applicationQueue.js';
import type { ContactRequestStore } from '../storage/contactRequests.js';
import { displayUserId } from '../storage/displayUserId.js';
import type { AdvisorAlert } from './contactAdvisorDialog.js';
import { isFinalStatus } from './domain/applicationStatus.js';
import { cleanText, lengthOf } from './domain/applicationFieldKit.js';
import type { FlowResult } from './flow.js';
import { ownedFile } from './ownedFiles.js';
import { chooseOwnedFile, chosenReference } from './ownedFileChoice.js';
import { answerText } from './questionnaire/answerText.js';
import { languageOf } from './translator.js';

export const CORRECT_FILE_DIALOG = 'correctFile';
const STEPS = 'correctFileSteps';
export const CORRECTION_LENGTH = { min: 3, max: 1000 } as const;

export interface CorrectFileDeps {
  queue: ApplicationQueue;
  statusService: StatusService;
  requests: Pick<ContactRequestStore, 'add'>;
  alertAdvisors: AdvisorAlert;
  clock: () => Date;
}

type Values = { reference?: string };

/**
 * "Je voudrais corriger mon dossier": the owner says what is wrong. A file the committee sent back as
 * incomplete goes back to review with the correction (the status service); any other open file gets a
 * correction request to the advisors. Either way the correction is in the file's history.
 */
export class CorrectFileDialog extends ComponentDialog {
  constructor(private readonly deps: CorrectFileDeps) {
    super(CORRECT_FILE_DIALOG);
    this.addDialog(
      new WaterfallDialog(STEPS, [this.choose.bind(this), this.ask.bind(this), this.record.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async choose(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return chooseOwnedFile(step, this.deps.queue, {
      applies: (status) => !isFinalStatus(status),
      finalKey: 'fileRequest:correct.final',
    });
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = languageOf(step.context);
    const reference = chosenReference(step);
    if (!reference) {
      await step.context.sendActivity(t('fileRequest:notChosen'));
      return step.endDialog({} satisfies FlowResult);
    }
    (step.values as Values).reference = reference;
    await step.context.sendActivity(t('fileRequest:correct.ask', { reference }));
    return Dialog.EndOfTurn;
  }

  private async record(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = languageOf(step.context);
    const reference = (step.values as Values).reference!;
    const text = cleanText(answerText(step.context.activity));
    const length = lengthOf(text);
    if (length < CORRECTION_LENGTH.min || length > CORRECTION_LENGTH.max) {
      await step.context.sendActivity(t('fileRequest:correct.length', CORRECTION_LENGTH));
      return step.endDialog({} satisfies FlowResult);
    }
    const file = await ownedFile(this.deps.queue, step.context, reference);
    if (!file || isFinalStatus(file.status)) {
      await step.context.sendActivity(t('fileRequest:notChosen'));
      return step.endDialog({} satisfies FlowResult);
    }
    const { activity } = step.context;
    const now = this.deps.clock();
    if (file.status === 'incomplete') {
      // The committee asked the owner to complete the file: this is the answer, and the file goes back to review.
      await this.deps.statusService.change({
        reference,
        to: 'in_review',
        by: activity.from.id,
        comment: text,
      });
    } else {
      await this.deps.queue.amend(reference, {
        appendHistory: [
          {
            at: now.toISOString(),
            by: activity.from.id,
            from: file.status,
            to: file.status,
            comment: text,
            kind: 'correctionRequest',
          },
        ],
      });
    }
    const reason = t('fileRequest:correct.reason', { reference, text });
    await this.deps.requests.add({
      kind: 'handoff',
      userId: activity.from.id,
      reason,
      summary: reference,
      conversationReference: TurnContext.getConversationReference(activity),
      now,
    });
    await this.deps.alertAdvisors(
      t('contact:advisorAlert', {
        userId: displayUserId(activity.from.id),
        channelId: activity.channelId,
        reason,
        summary: reference,
      }),
    );
    const done = file.status === 'incomplete' ? 'fileRequest:correct.completed' : 'fileRequest:correct.sent';
    await step.context.sendActivity(t(done, { reference }));
    return step.endDialog({} satisfies FlowResult);
  }
}
