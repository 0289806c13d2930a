import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { messageWithChoices } from './choices.js';
import { parseYesNo } from './french/yesNo.js';
import { commandKey } from './globalCommands.js';
import type { MenuEntry } from './menuIntents.js';
import { answerText } from './questionnaire/answerText.js';
import { languageOf, type TurnLanguage } from './translator.js';

export const CONFIRM_DESTRUCTIVE = 'confirmDestructive';

/** *recommencer* forgets the flow's answers; *annuler* in an application may leave it or delete the draft. */
export type DestructiveKind = 'restart' | 'cancel';

export interface ConfirmState {
  kind: DestructiveKind;
  flow: MenuEntry;
  /** How many answers would be deleted. */
  count: number;
}

/** `confirm`: do the destructive thing; `leave`: stop, answers kept; `keep`: nothing happens. */
export type ConfirmChoice = 'confirm' | 'leave' | 'keep';

function titles(language: TurnLanguage, state: ConfirmState): Record<ConfirmChoice, string | undefined> {
  const { t } = language;
  return state.kind === 'restart'
    ? {
        confirm: t('common:confirm.restartYes', { count: state.count }),
        leave: undefined,
        keep: t('common:confirm.keep'),
      }
    : {
        leave: t('common:confirm.leave'),
        confirm: t('common:confirm.discard', { count: state.count }),
        keep: t('common:confirm.continue'),
      };
}

/** What the owner answered; anything that is not a clear choice keeps everything (and is stored nowhere). */
export function readConfirmChoice(text: string, language: TurnLanguage, state: ConfirmState): ConfirmChoice {
  const key = commandKey(text);
  const shown = titles(language, state);
  const clicked = (Object.keys(shown) as ConfirmChoice[]).find(
    (choice) => shown[choice] !== undefined && commandKey(shown[choice]!) === key,
  );
  if (clicked) return clicked;
  const yes = parseYesNo(text, language.locale);
  if (state.kind === 'restart') return yes.ok && yes.value ? 'confirm' : 'keep';
  if (/\b(supprim\w*|effac\w*|delete|erase|discard)\b/.test(key)) return 'confirm';
  if (/\b(quitt\w*|plus tard|later|leave)\b/.test(key) || (yes.ok && yes.value)) return 'leave';
  return 'keep';
}

/**
 * Asks before a command that loses work, saying how many answers would go (issue 15: *recommencer* at the recap
 * deleted 29 answers, and the next sentence became the company name). Pushed on top of the flow: "non" or any
 * other sentence ends it, and the flow asks its question again.
 */
export class ConfirmDestructiveDialog extends Dialog<ConfirmState> {
  constructor(
    private readonly onChoice: (
      dc: DialogContext,
      state: ConfirmState,
      choice: ConfirmChoice,
    ) => Promise<DialogTurnResult>,
  ) {
    super(CONFIRM_DESTRUCTIVE);
  }

  override async beginDialog(dc: DialogContext, options?: ConfirmState): Promise<DialogTurnResult> {
    const state = options!;
    dc.activeDialog!.state = state;
    const language = languageOf(dc.context);
    const shown = titles(language, state);
    const buttons = [shown.confirm, shown.leave, shown.keep].filter((t): t is string => t !== undefined);
    const text = language.t(`common:confirm.${state.kind}`, { count: state.count });
    await dc.context.sendActivity(
      messageWithChoices(
        dc.context,
        text,
        state.kind === 'cancel' ? [shown.leave!, shown.confirm!, shown.keep!] : buttons,
      ),
    );
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const state = dc.activeDialog!.state as ConfirmState;
    const language = languageOf(dc.context);
    return this.onChoice(dc, state, readConfirmChoice(answerText(dc.context.activity), language, state));
  }
}
