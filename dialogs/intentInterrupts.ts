import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { topicOfQuestion } from './domain/faqTopics.js';
import type { ProgrammeSettings } from './domain/programmeSettings.js';
import { faqAnswer } from './faqAnswers.js';
import { chooseLanguage, type LanguagePreferenceAccessor } from './languagePreference.js';
import { languageOf } from './translator.js';
import { openQuestionOf, type TurnIntent } from './turnIntents.js';

/** What the root needs to answer requests made in the middle of a flow. */
export interface IntentAids {
  settings: ProgrammeSettings;
  clock: () => Date;
  languages: LanguagePreferenceAccessor;
}

/** Where the request is made: inside a flow or at the menu, and whether a person may be asked for there. */
export interface InterruptPlace {
  inChild: boolean;
  /** The contact-an-advisor dialog, pushed over a question of the check or the application. */
  contactDialogId?: string;
  /** The flow running is one an owner may leave for a person and come back to (the check, the application). */
  handOffAllowed: boolean;
  /** Shows the menu again (at the menu, after an answer). */
  showMenu: () => Promise<DialogTurnResult>;
}

/** Asks again what was being asked: the question of a flow, or the menu. */
async function askAgain(innerDc: DialogContext, place: InterruptPlace): Promise<DialogTurnResult> {
  if (!place.inChild) return place.showMenu();
  await innerDc.repromptDialog();
  return { status: DialogTurnStatus.waiting };
}

/** The question's own help: what its words mean (the glossary) and an example of an answer. */
export function questionHelpLines(innerDc: DialogContext, aids: IntentAids): string[] {
  const open = openQuestionOf(innerDc);
  if (!open) return [];
  const language = languageOf(innerDc.context);
  const topic = topicOfQuestion(open.question.key);
  const example = language.t('talk:questionHelp.example', { example: language.t(open.question.exampleKey) });
  const explained = topic ? faqAnswer(language, topic, aids.settings, aids.clock()) : undefined;
  return [explained ? `${explained}\n\n${example}` : example];
}

/**
 * Acts on a request made at a question or at the menu, then asks again what was being asked; undefined when
 * the request is not one of these (global commands stay with the root's own switch).
 */
export async function interruptForIntent(
  innerDc: DialogContext,
  intent: TurnIntent | null,
  aids: IntentAids,
  place: InterruptPlace,
): Promise<DialogTurnResult | undefined> {
  const { context } = innerDc;
  switch (intent?.kind) {
    case 'faq':
      await context.sendActivity(faqAnswer(languageOf(context), intent.topic, aids.settings, aids.clock()));
      return askAgain(innerDc, place);
    case 'questionHelp': {
      const lines = questionHelpLines(innerDc, aids);
      const { t } = languageOf(context);
      await context.sendActivities(
        [...lines, t(place.inChild ? 'common:help.inFlow' : 'common:help.atMenu')].map((text) => ({
          type: 'message',
          text,
        })),
      );
      return askAgain(innerDc, place);
    }
    case 'language':
      await chooseLanguage(context, aids.languages, intent.locale);
      await context.sendActivity(languageOf(context).t('talk:language.switched'));
      return askAgain(innerDc, place);
    case 'advisor': {
      const { contactDialogId } = place;
      const atQuestion = openQuestionOf(innerDc) !== undefined;
      const inContact = innerDc.activeDialog?.id === contactDialogId;
      if (!place.inChild || !place.handOffAllowed || !contactDialogId || inContact || !atQuestion)
        return undefined;
      await context.sendActivity(languageOf(context).t('talk:advisor.thenBack'));
      // Over the flow: when the contact dialog ends, the flow asks its question again (ComponentDialog.resume).
      return innerDc.beginDialog(contactDialogId);
    }
    default:
      return undefined;
  }
}
