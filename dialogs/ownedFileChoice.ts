import { Dialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ApplicationQueue, StoredApplication } from '../storage/applicationQueue.js';
import type { ApplicationStatus } from './domain/applicationStatus.js';
import { messageWithChoices } from './choices.js';
import type { FlowResult } from './flow.js';
import { ownedFiles, referenceIn } from './ownedFiles.js';
import { answerText } from './questionnaire/answerText.js';
import { languageOf } from './translator.js';

/** What a request on one's own file ("retirer", "corriger") may act on, and what it says of a file it may not. */
export interface OwnedFileRequest {
  /** The statuses the request applies to (a withdrawal: those that may still go to withdrawn). */
  applies: (status: ApplicationStatus) => boolean;
  /** Sentence key for a named file the request no longer applies to, with `reference` and `label`. */
  finalKey: string;
}

type Values = { candidates?: string[] };

/**
 * The first step of a request on one's own file: the file named in the message (the owner's only), the only
 * open one, or a choice among the open ones. Ends the dialog with a sentence when there is nothing to act on.
 */
export async function chooseOwnedFile(
  step: WaterfallStepContext,
  queue: ApplicationQueue,
  request: OwnedFileRequest,
): Promise<DialogTurnResult> {
  const { t } = languageOf(step.context);
  const mine = await ownedFiles(queue, step.context);
  const asked = referenceIn(answerText(step.context.activity));
  const file: StoredApplication | undefined = asked ? mine.find((app) => app.reference === asked) : undefined;
  if (asked && !file) {
    await step.context.sendActivity(t('status:myFiles.notYours', { reference: asked }));
    return step.endDialog({} satisfies FlowResult);
  }
  if (file && !request.applies(file.status)) {
    await step.context.sendActivity(
      t(request.finalKey, { reference: file.reference, label: t(`status:label.${file.status}`) }),
    );
    return step.endDialog({} satisfies FlowResult);
  }
  const candidates = file
    ? [file.reference]
    : mine.filter((app) => request.applies(app.status)).map((app) => app.reference);
  if (candidates.length === 0) {
    await step.context.sendActivity(t('fileRequest:noneOpen'));
    return step.endDialog({} satisfies FlowResult);
  }
  (step.values as Values).candidates = candidates;
  if (candidates.length === 1) return step.next(candidates[0]);
  await step.context.sendActivity(messageWithChoices(step.context, t('fileRequest:which'), candidates));
  return Dialog.EndOfTurn;
}

/** The reference chosen at the step after `chooseOwnedFile`, if it is one of those offered. */
export function chosenReference(step: WaterfallStepContext): string | undefined {
  const candidates = (step.values as Values).candidates ?? [];
  const reference =
    typeof step.result === 'string' ? step.result : referenceIn(answerText(step.context.activity));
  return reference && candidates.includes(reference) ? reference : undefined;
}
