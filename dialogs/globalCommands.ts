import type { DialogContext } from 'botbuilder-dialogs';
import { foldForMatch } from './french/normalize.js';
import { answerText } from './questionnaire/answerText.js';

/** Commands that work at any point of any dialog. */
export type GlobalCommand = 'help' | 'menu' | 'cancel' | 'restart' | 'back' | 'pause' | 'deleteData';

/**
 * Whole-message forms only: a command must be the entire answer ("annuler", "je veux annuler"), never a word
 * inside a longer answer, so a project description mentioning "stop" is not taken for a command.
 */
const FORMS: Record<GlobalCommand, string[]> = {
  help: [
    'aide',
    'a l aide',
    'au secours',
    'help',
    '?',
    'j ai besoin d aide',
    'comment ca marche',
    'que puis je faire',
  ],
  menu: ['menu', 'accueil', 'menu principal', 'retour au menu', 'main menu', 'home'],
  cancel: [
    'annuler',
    'annule',
    'j annule',
    'je veux annuler',
    'stop',
    'arreter',
    'arrete',
    'quitter',
    'cancel',
    'quit',
  ],
  restart: [
    'recommencer',
    'recommence',
    'tout recommencer',
    'reprendre a zero',
    'on recommence',
    'restart',
    'start over',
  ],
  back: ['retour', 'precedent', 'question precedente', 'revenir en arriere', 'back', 'previous', 'go back'],
  pause: [
    'pause',
    'plus tard',
    'je continuerai plus tard',
    'on continue plus tard',
    'later',
    'continue later',
  ],
  deleteData: [
    'supprimer mes donnees',
    'effacer mes donnees',
    'supprimez mes donnees',
    'effacez mes donnees',
    'je veux supprimer mes donnees',
    'delete my data',
    'erase my data',
  ],
};

const LOOKUP = new Map<string, GlobalCommand>(
  (Object.entries(FORMS) as [GlobalCommand, string[]][]).flatMap(([command, forms]) =>
    forms.map((form) => [form, command] as const),
  ),
);

/** Folds case, accents and punctuation so "Annuler !" and "ANNULER" match "annuler". */
export function commandKey(text: string): string {
  const folded = foldForMatch(text);
  if (folded.trim() === '?') return '?';
  return folded
    .replace(/[^a-z0-9?]+/g, ' ')
    .replace(/\?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function detectGlobalCommand(text: string | undefined): GlobalCommand | null {
  if (!text) return null;
  return LOOKUP.get(commandKey(text)) ?? null;
}

/** A dialog with an open question, which can tell whether a text is an answer to it. */
export interface OpenQuestionDialog {
  claimsAnswer(dc: DialogContext, text: string): boolean;
}

function isOpenQuestionDialog(dialog: unknown): dialog is OpenQuestionDialog {
  return typeof (dialog as Partial<OpenQuestionDialog> | undefined)?.claimsAnswer === 'function';
}

const ROUTED = Symbol('alize.routedCommand');

/**
 * The one routing of global commands, done once per turn and shared by every dialog that acts on it (the
 * root for menu, cancel, help…, the questionnaire for back and pause). The innermost active dialog is asked
 * first: when the text is also a valid answer to its open question ("plus tard" to the documents question),
 * the question wins and there is no command.
 */
export function routeGlobalCommand(dc: DialogContext): GlobalCommand | null {
  const { activity, turnState } = dc.context;
  if (activity.type !== 'message') return null;
  const cached = turnState.get(ROUTED) as { command: GlobalCommand | null } | undefined;
  if (cached) return cached.command;
  const text = answerText(activity);
  let command = detectGlobalCommand(text);
  if (command) {
    let leaf = dc;
    while (leaf.child) leaf = leaf.child;
    const open = leaf.activeDialog ? leaf.findDialog(leaf.activeDialog.id) : undefined;
    if (isOpenQuestionDialog(open) && open.claimsAnswer(leaf, text)) command = null;
  }
  turnState.set(ROUTED, { command });
  return command;
}
