import type { DialogContext } from 'botbuilder-dialogs';
import { detectCorrection } from './domain/correctionTargets.js';
import { detectFaqTopic, type FaqTopic, type Strength } from './domain/faqTopics.js';
import { detectHumanRequest, detectLanguageRequest, detectQuestionHelp } from './domain/talkRequests.js';
import {
  commandKey,
  routeGlobalCommand,
  type GlobalCommand,
  type OpenQuestionDialog,
} from './globalCommands.js';
import { requestedLocale } from './languagePreference.js';
import { answerText } from './questionnaire/answerText.js';
import type { SupportedLocale } from './translator.js';

/**
 * What a message asks for besides answering, recognised at any question before its text is taken as an answer:
 * a global command (aide, menu, retour…), a person to talk to, a correction of an earlier answer, the question's
 * help, an owner's question (de minimis, amounts, committee…), another language.
 */
export type TurnIntent =
  | { kind: 'command'; command: GlobalCommand }
  | { kind: 'advisor' }
  /** `keys`: the answer's key in each questionnaire, most likely first; empty: the answer just given. */
  | { kind: 'correct'; keys: string[] }
  | { kind: 'questionHelp' }
  | { kind: 'faq'; topic: FaqTopic }
  | { kind: 'language'; locale: SupportedLocale };

/** The question a dialog is waiting on, for help and for telling an answer from a request. */
export interface OpenQuestion {
  key: string;
  exampleKey: string;
  /** Any words are an answer there (a name, a description): only unmistakable requests are intents. */
  freeText: boolean;
}

/** A dialog that can say which question it is waiting on (the questionnaire). */
export interface AskingDialog extends OpenQuestionDialog {
  openQuestion(dc: DialogContext): OpenQuestion | undefined;
}

const isAskingDialog = (dialog: unknown): dialog is AskingDialog =>
  typeof (dialog as Partial<AskingDialog> | undefined)?.openQuestion === 'function';

/** The innermost active dialog's open question, with its dialog context. */
export function openQuestionOf(
  dc: DialogContext,
): { question: OpenQuestion; dialog: AskingDialog; leaf: DialogContext } | undefined {
  let leaf = dc;
  while (leaf.child) leaf = leaf.child;
  const dialog = leaf.activeDialog ? leaf.findDialog(leaf.activeDialog.id) : undefined;
  if (!isAskingDialog(dialog)) return undefined;
  const question = dialog.openQuestion(leaf);
  return question ? { question, dialog, leaf } : undefined;
}

/** Longer than this, a message is no request (the longest forms are about 80 characters). */
const MAX_REQUEST_LENGTH = 160;

/** The requests of a message, most specific first, each with how sure the reading is. */
function detect(text: string): { intent: TurnIntent; strength: Strength } | null {
  // Requests are short sentences; a longer message is an answer (a description), and is not scanned at all.
  if (text.length > MAX_REQUEST_LENGTH) return null;
  const key = commandKey(text);
  if (key === '') return null;
  const correction = detectCorrection(key);
  if (correction) return { intent: { kind: 'correct', keys: correction }, strength: 'strong' };
  const human = detectHumanRequest(key);
  if (human) return { intent: { kind: 'advisor' }, strength: human };
  if (detectQuestionHelp(key)) return { intent: { kind: 'questionHelp' }, strength: 'strong' };
  const language = detectLanguageRequest(key);
  if (language) return { intent: { kind: 'language', locale: language.locale }, strength: language.strength };
  const faq = detectFaqTopic(key, /\?\s*$/.test(text));
  if (faq) return { intent: { kind: 'faq', topic: faq.topic }, strength: faq.strength };
  return null;
}

const ROUTED = Symbol('alize.routedIntent');

/**
 * The one reading of a message's intent, done once per turn and shared by the root (advisor, help, questions,
 * language) and the questionnaire (corrections). Global commands come first, as routed by
 * `routeGlobalCommand`. The other requests are whole messages; a weak one (a bare word: "conseiller",
 * "English", "de minimis ?") yields to the open question when it is free text or reads it as an answer.
 */
export function routeTurnIntent(dc: DialogContext): TurnIntent | null {
  const { activity, turnState } = dc.context;
  const chosen = requestedLocale(activity);
  if (chosen) return { kind: 'language', locale: chosen };
  if (activity.type !== 'message') return null;
  const cached = turnState.get(ROUTED) as { intent: TurnIntent | null } | undefined;
  if (cached) return cached.intent;
  const command = routeGlobalCommand(dc);
  let intent: TurnIntent | null = command ? { kind: 'command', command } : null;
  if (!intent) {
    const text = answerText(activity);
    const found = detect(text);
    const open = found?.strength === 'weak' ? openQuestionOf(dc) : undefined;
    const yields = open && (open.question.freeText || open.dialog.claimsAnswer(open.leaf, text));
    intent = found && !yields ? found.intent : null;
  }
  turnState.set(ROUTED, { intent });
  return intent;
}
