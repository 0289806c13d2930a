import {
  ComponentDialog,
  WaterfallDialog,
  type WaterfallStepContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { languageOf } from './translator.js';

export const ABOUT_DIALOG = 'about';

/** "En savoir plus": the programme in a few short messages, then back to whoever started it. */
export class AboutDialog extends ComponentDialog {
  constructor() {
    super(ABOUT_DIALOG);
    this.addDialog(new WaterfallDialog('aboutSteps', [this.explain.bind(this)]));
  }

  private async explain(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { list } = languageOf(step.context);
    for (const paragraph of list('about:paragraphs')) {
      await step.context.sendActivity(paragraph);
    }
    return step.endDialog();
  }
}
