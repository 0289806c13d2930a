import {
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { cardSubmit, type CardSubmit, type FlowResult } from './flow.js';
import { detectMenuIntent } from './menuIntents.js';
import { answerText } from './questionnaire/answerText.js';

export const AFTER_SUBMISSION = 'afterSubmission';

/**
 * After the confirmation of a file sent with its buttons (« Télécharger mon dossier en PDF », menu): the turn
 * ends on them, so that a channel keeps them in view (no menu after them); the answer goes where the menu would.
 */
export function afterSubmissionDialog(
  /** A card's button clicked then (the recap's « Envoyer » a second time): its flow answers it. */
  onCard: (step: WaterfallStepContext, card: CardSubmit) => Promise<DialogTurnResult>,
): WaterfallDialog {
  return new WaterfallDialog(AFTER_SUBMISSION, [
    async () => Dialog.EndOfTurn,
    async (step: WaterfallStepContext) => {
      const card = cardSubmit(step.context.activity.value);
      if (card) return onCard(step, card);
      const intent = detectMenuIntent(answerText(step.context.activity));
      return step.endDialog({
        next: intent && intent !== 'greeting' ? intent : undefined,
      } satisfies FlowResult);
    },
  ]);
}
