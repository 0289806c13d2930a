import type { TurnContext } from 'botbuilder';
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
import {
  CONFIRM_DESTRUCTIVE,
  ConfirmDestructiveDialog,
  type ConfirmChoice,
  type ConfirmState,
} from './confirmDestructive.js';
import { cardSubmit, type FlowOptions, type FlowResult } from './flow.js';
import { handoverCodeIn } from './handover.js';
import { routeGlobalCommand } from './globalCommands.js';
import { interruptForIntent, questionHelpLines, type IntentAids } from './intentInterrupts.js';
import { requestedLocale } from './languagePreference.js';
import { MENU_ENTRIES, detectMenuIntent, type MenuEntry, type MenuIntent } from './menuIntents.js';
import type { OpensWithFacts } from './openingFacts.js';
import { languageOf } from './translator.js';
import { routeTurnIntent } from './turnIntents.js';
import { greetingKey } from './turnSalutation.js';

export const ROOT_DIALOG = 'root';
const MENU_LOOP = 'menuLoop';

export interface RootDialogOptions {
  /** Skip the menu prompt and act on this intent straight away (a first message such as "suis-je éligible ?"). */
  intent?: MenuIntent;
  /** Start the flow afresh (*recommencer*). */
  restart?: boolean;
  /** A handover code typed as the first message of a conversation. */
  handoverCode?: string;
  /** Wait at the menu without showing it (a command answered first will show what follows). */
  silent?: boolean;
  /** The first message of the conversation: its facts about the company count for the check or the file. */
  opening?: string;
}

/** The flows that take the facts of an opening message. */
const TAKE_FACTS: readonly MenuEntry[] = ['eligibility', 'apply'];

/** What a flow would lose: the answers *recommencer* or *annuler* would delete, and how to delete them. */
export interface FlowStakes {
  count(context: TurnContext, flow: MenuEntry): Promise<number>;
  discard(context: TurnContext, flow: MenuEntry): Promise<void>;
}

const NOTHING_AT_STAKE: FlowStakes = { count: async () => 0, discard: async () => undefined };

/** Flows whose *annuler* asks first: leaving an application in progress, or deleting it. */
const CANCEL_ASKS: readonly MenuEntry[] = ['apply', 'resume'];

/**
 * The menu, and the global commands that work whatever child dialog is running (the samples' "cancel and
 * help" pattern, caught in onContinueDialog before the child sees the message).
 */
export class RootDialog extends ComponentDialog {
  /** Menu entries served by a child dialog (with the options it starts with); the others say they are coming. */
  private readonly flows = new Map<MenuEntry, { id: string; options: FlowOptions }>();

  constructor(
    children: { entry: MenuEntry; dialog: Dialog; options?: FlowOptions }[],
    /** Entries added to the menu for some users only (the advisor mode, for advisors). */
    private readonly extraEntries: (context: TurnContext) => MenuEntry[] = () => [],
    /** A message with facts about the company and no menu intent starts the check with them. */
    private readonly opensWithFacts?: OpensWithFacts,
    /** Answers to requests made at any point (owners' questions, language, a person): off when absent. */
    private readonly aids?: IntentAids,
    private readonly stakes: FlowStakes = NOTHING_AT_STAKE,
  ) {
    super(ROOT_DIALOG);
    this.addDialog(new ConfirmDestructiveDialog(this.onConfirmChoice.bind(this)));
    for (const { entry, dialog, options } of children) {
      this.flows.set(entry, { id: dialog.id, options: options ?? {} });
      if (!this.findDialog(dialog.id)) this.addDialog(dialog);
    }
    this.addDialog(
      new WaterfallDialog(MENU_LOOP, [this.showMenu.bind(this), this.route.bind(this), this.loop.bind(this)]),
    );
    this.initialDialogId = MENU_LOOP;
  }

  static menuTitles(t: (key: string) => string): string[] {
    return MENU_ENTRIES.map((entry) => t(`common:menu.${entry}`));
  }

  /**
   * A new conversation that opens with a global command ("aide", "supprimer mes données") gets it answered,
   * not just the menu: the command is handled as if the menu had been showing.
   */
  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: RootDialogOptions,
  ): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;
    const command = activity.type === 'message' && !options?.intent ? routeGlobalCommand(innerDc) : null;
    // An owner's question or a language asked for in the first message is answered before the menu.
    const aid = this.aids && !isFlowIntent(options?.intent) ? routeTurnIntent(innerDc) : null;
    const answeredFirst = aid?.kind === 'faq' || aid?.kind === 'language' || aid?.kind === 'questionHelp';
    if (command === 'help' || command === 'deleteData' || answeredFirst) {
      await innerDc.beginDialog(MENU_LOOP, { silent: true } satisfies RootDialogOptions);
      return (await this.interrupt(innerDc)) ?? { status: DialogTurnStatus.waiting };
    }
    return super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== 'message' && !requestedLocale(activity)) return undefined;
    const inChild = innerDc.activeDialog !== undefined && innerDc.activeDialog.id !== MENU_LOOP;
    if (this.aids) {
      const flow = this.activeFlow(innerDc);
      const done = await interruptForIntent(innerDc, routeTurnIntent(innerDc), this.aids, {
        inChild,
        contactDialogId: this.flows.get('advisor')?.id,
        handOffAllowed: flow === 'eligibility' || flow === 'apply' || flow === 'resume',
        showMenu: () => innerDc.replaceDialog(MENU_LOOP),
      });
      if (done) return done;
    }
    if (activity.type !== 'message') return undefined;
    const command = routeGlobalCommand(innerDc);
    const { t } = languageOf(innerDc.context);
    const confirming = innerDc.activeDialog?.id === CONFIRM_DESTRUCTIVE;
    switch (command) {
      case 'help':
        // At a question, its own help first (what its words mean, an example), then what can be typed.
        if (inChild && this.aids) {
          for (const line of questionHelpLines(innerDc, this.aids)) await innerDc.context.sendActivity(line);
        }
        await innerDc.context.sendActivity(t(inChild ? 'common:help.inFlow' : 'common:help.atMenu'));
        if (!inChild) return innerDc.replaceDialog(MENU_LOOP);
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'menu':
      case 'cancel': {
        const flow = this.activeFlow(innerDc);
        if (command === 'cancel' && !confirming && flow && CANCEL_ASKS.includes(flow)) {
          const count = await this.stakes.count(innerDc.context, flow);
          if (count > 0) {
            return innerDc.beginDialog(CONFIRM_DESTRUCTIVE, {
              kind: 'cancel',
              flow,
              count,
            } satisfies ConfirmState);
          }
        }
        await innerDc.cancelAllDialogs();
        if (command === 'cancel' && inChild) await innerDc.context.sendActivity(t('common:cancelled'));
        return innerDc.beginDialog(MENU_LOOP);
      }
      case 'restart': {
        // *recommencer* restarts the flow in progress (its answers forgotten, after a yes), or the conversation.
        const flow = this.activeFlow(innerDc);
        const count = flow && !confirming ? await this.stakes.count(innerDc.context, flow) : 0;
        if (flow && count > 0) {
          return innerDc.beginDialog(CONFIRM_DESTRUCTIVE, {
            kind: 'restart',
            flow,
            count,
          } satisfies ConfirmState);
        }
        return this.restart(innerDc, flow);
      }
      case 'deleteData':
        // Through the menu loop, so that whatever the answer the user lands back on the menu afterwards.
        if (!this.flows.has('deleteData')) return undefined;
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(MENU_LOOP, { intent: 'deleteData' } satisfies RootDialogOptions);
      default:
        // back and pause belong to the dialogs that collect answers; at the menu they just show it again.
        if ((command === 'back' || command === 'pause') && !inChild) return innerDc.replaceDialog(MENU_LOOP);
        return undefined;
    }
  }

  private async restart(innerDc: DialogContext, flow: MenuEntry | undefined): Promise<DialogTurnResult> {
    const { t } = languageOf(innerDc.context);
    await innerDc.cancelAllDialogs();
    await innerDc.context.sendActivity(t('common:restarted'));
    if (!flow) return innerDc.beginDialog(MENU_LOOP);
    await innerDc.beginDialog(MENU_LOOP, { intent: flow, restart: true } satisfies RootDialogOptions);
    return { status: DialogTurnStatus.waiting };
  }

  /** The answer to "recommencer effacera vos N réponses : confirmez-vous ?" (or the same for *annuler*). */
  private async onConfirmChoice(
    innerDc: DialogContext,
    state: ConfirmState,
    choice: ConfirmChoice,
  ): Promise<DialogTurnResult> {
    const { t } = languageOf(innerDc.context);
    if (choice === 'keep') {
      // Back to the flow, which asks its question again: the sentence typed here is stored nowhere.
      await innerDc.context.sendActivity(t('common:confirm.kept'));
      return innerDc.endDialog();
    }
    if (state.kind === 'restart') return this.restart(innerDc, state.flow);
    await innerDc.cancelAllDialogs();
    if (choice === 'confirm') {
      await this.stakes.discard(innerDc.context, state.flow);
      await innerDc.context.sendActivity(t('common:confirm.discarded', { count: state.count }));
    } else {
      await innerDc.context.sendActivity(t('common:cancelled'));
    }
    return innerDc.beginDialog(MENU_LOOP);
  }

  /** The menu entry whose flow is running, if any (the dialog just above the menu loop; the top is last). */
  private activeFlow(innerDc: DialogContext): MenuEntry | undefined {
    const ids = innerDc.stack.map((instance) => instance.id);
    const flowId = ids[ids.indexOf(MENU_LOOP) + 1];
    return [...this.flows.entries()].find(([, flow]) => flow.id === flowId)?.[0];
  }

  private async showMenu(step: WaterfallStepContext<RootDialogOptions>): Promise<DialogTurnResult> {
    const intent = step.options?.intent;
    (step.values as { restart?: boolean }).restart = step.options?.restart === true;
    const opening = step.options?.opening;
    if (intent && intent !== 'greeting')
      return step.next({ intent, handoverCode: step.options?.handoverCode, opening });
    if (opening && this.opensWithFacts?.(step.context, opening)) {
      return step.next({ intent: 'eligibility', opening });
    }
    if (step.options?.silent) return Dialog.EndOfTurn;
    const { t } = languageOf(step.context);
    const extra = this.extraEntries(step.context).map((entry) => t(`common:menu.${entry}`));
    const titles = [...RootDialog.menuTitles(t), ...extra];
    await step.context.sendActivity(messageWithChoices(step.context, t('common:menu.prompt'), titles));
    return Dialog.EndOfTurn;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // After the menu prompt the waterfall hands over the typed text; a skipped prompt hands over { intent }.
    const given = (step.result as { intent?: MenuIntent } | undefined)?.intent;
    // A resume code from an advisor, typed at the menu (or as the first message): the company's draft.
    const handoverCode =
      (step.result as { handoverCode?: string } | undefined)?.handoverCode ??
      (given ? undefined : handoverCodeIn(step.context.activity.text ?? ''));
    const apply = this.flows.get('apply');
    if (handoverCode && apply) {
      return step.beginDialog(apply.id, { ...apply.options, handoverCode } satisfies FlowOptions);
    }
    const card = cardSubmit(step.context.activity.value);
    if (!given && card && this.flows.has(card.entry)) {
      const flow = this.flows.get(card.entry)!;
      return step.beginDialog(flow.id, { ...flow.options, cardAction: card.action } satisfies FlowOptions);
    }
    const typed = step.context.activity.text ?? '';
    const detected = given ?? detectMenuIntent(typed);
    // At the menu, "SARL de 12 salariés à Alès" starts the check with what it says, even after a « Bonjour, ».
    const withFacts =
      !given &&
      (detected === null || detected === 'greeting') &&
      this.opensWithFacts?.(step.context, typed) === true;
    const intent = withFacts ? 'eligibility' : detected;
    const opening =
      (step.result as { opening?: string } | undefined)?.opening ?? (withFacts ? typed : undefined);
    const { t } = languageOf(step.context);
    if (intent === null || intent === 'greeting') {
      const reply =
        intent === 'greeting' ? greetingKey(step.context, 'common:menu.again') : 'common:notUnderstood';
      await step.context.sendActivity(t(reply));
      return step.replaceDialog(MENU_LOOP);
    }
    const flow = this.flows.get(intent);
    if (flow) {
      const restart = (step.values as { restart?: boolean }).restart === true;
      const facts = opening && TAKE_FACTS.includes(intent) ? { opening } : {};
      return step.beginDialog(flow.id, { ...flow.options, restart, ...facts } satisfies FlowOptions);
    }
    // Every entry has its flow in the product; an entry without one is a wiring mistake, answered politely.
    await step.context.sendActivity(t('common:notUnderstood'));
    return step.next();
  }

  /** Back to the menu, or straight on to where the finished flow said the user wants to go. */
  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const next = (step.result as FlowResult | undefined)?.next;
    return step.replaceDialog(MENU_LOOP, (next ? { intent: next } : {}) satisfies RootDialogOptions);
  }
}

/** A first message that names a flow ("suis-je éligible ?") starts it; "c'est quoi …" may be an owner's question. */
function isFlowIntent(intent: MenuIntent | undefined): boolean {
  return intent !== undefined && intent !== 'about' && intent !== 'greeting';
}
