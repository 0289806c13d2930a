import {
  ComponentDialog,
  Dialog,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { messageWithChoices } from './choices.js';
import { detectGlobalCommand } from './globalCommands.js';
import { MENU_ENTRIES, detectMenuIntent, type MenuEntry, type MenuIntent } from './menuIntents.js';
import { languageOf } from './translator.js';

export const ROOT_DIALOG = 'root';
const MENU_LOOP = 'menuLoop';

export interface RootDialogOptions {
  /** Skip the menu prompt and act on this intent straight away (a first message such as "suis-je éligible ?"). */
  intent?: MenuIntent;
}

/**
 * The menu, and the global commands that work whatever child dialog is running (the samples' "cancel and
 * help" pattern, caught in onContinueDialog before the child sees the message).
 */
export class RootDialog extends ComponentDialog {
  /** Menu entries served by a child dialog; the others answer that they are coming. */
  private readonly flows = new Map<MenuEntry, string>();

  constructor(children: { entry: MenuEntry; dialog: Dialog }[]) {
    super(ROOT_DIALOG);
    for (const { entry, dialog } of children) {
      this.flows.set(entry, dialog.id);
      this.addDialog(dialog);
    }
    this.addDialog(
      new WaterfallDialog(MENU_LOOP, [this.showMenu.bind(this), this.route.bind(this), this.loop.bind(this)]),
    );
    this.initialDialogId = MENU_LOOP;
  }

  static menuTitles(t: (key: string) => string): string[] {
    return MENU_ENTRIES.map((entry) => t(`common:menu.${entry}`));
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== 'message') return undefined;
    const command = detectGlobalCommand(activity.text);
    const { t } = languageOf(innerDc.context);
    const inChild = innerDc.activeDialog !== undefined && innerDc.activeDialog.id !== MENU_LOOP;
    switch (command) {
      case 'help':
        await innerDc.context.sendActivity(t(inChild ? 'common:help.inFlow' : 'common:help.atMenu'));
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'menu':
      case 'cancel':
        await innerDc.cancelAllDialogs();
        if (command === 'cancel' && inChild) await innerDc.context.sendActivity(t('common:cancelled'));
        return innerDc.beginDialog(MENU_LOOP);
      case 'restart':
        await innerDc.cancelAllDialogs();
        await innerDc.context.sendActivity(t('common:restarted'));
        return innerDc.beginDialog(MENU_LOOP);
      default:
        // back and pause belong to the dialogs that collect answers; at the menu they just show it again.
        if ((command === 'back' || command === 'pause') && !inChild) return innerDc.replaceDialog(MENU_LOOP);
        return undefined;
    }
  }

  private async showMenu(step: WaterfallStepContext<RootDialogOptions>): Promise<DialogTurnResult> {
    const intent = step.options?.intent;
    if (intent && intent !== 'greeting') return step.next(intent);
    const { t } = languageOf(step.context);
    await step.context.sendActivity(messageWithChoices(step.context, t('common:menu.prompt'), RootDialog.menuTitles(t)));
    return Dialog.EndOfTurn;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const intent = (step.result as MenuIntent | undefined) ?? detectMenuIntent(step.context.activity.text);
    const { t } = languageOf(step.context);
    if (intent === null || intent === 'greeting') {
      const reply = intent === 'greeting' ? 'common:menu.again' : 'common:notUnderstood';
      await step.context.sendActivity(t(reply));
      return step.replaceDialog(MENU_LOOP);
    }
    const dialogId = this.flows.get(intent);
    if (dialogId) return step.beginDialog(dialogId);
    await step.context.sendActivity(t(`common:comingSoon.${intent}`));
    return step.next();
  }

  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(MENU_LOOP);
  }
}
