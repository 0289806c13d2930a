import {
  ActivityHandler,
  type BotState,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { handoverCodeIn } from '../dialogs/handover.js';
import { detectMenuIntent } from '../dialogs/menuIntents.js';
import type { RootDialogOptions } from '../dialogs/rootDialog.js';
import { languageOf } from '../dialogs/translator.js';
import type { UserProfile } from '../dialogs/userProfile.js';
import type { Logger } from './logger.js';

interface ConversationFlags {
  greeted?: boolean;
}

export interface AlizeBotParts {
  conversationState: ConversationState;
  userState: UserState;
  rootDialog: Dialog;
  logger: Logger;
}

/**
 * The ActivityHandler: greets, runs the root dialog on every message, and saves state once at the end of the
 * turn. A turn that fails inside the dialogs (a stale stack after a deployment, a corrupted state) apologises,
 * drops the dialog stack and shows the menu again; user state (the answers already given) is kept.
 */
export class AlizeBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly flags: StatePropertyAccessor<ConversationFlags>;
  private readonly profiles: StatePropertyAccessor<UserProfile>;
  private readonly states: BotState[];
  private readonly dialogs: DialogSet;

  constructor(private readonly parts: AlizeBotParts) {
    super();
    this.dialogState = parts.conversationState.createProperty<DialogState>('dialogState');
    this.flags = parts.conversationState.createProperty<ConversationFlags>('flags');
    this.profiles = parts.userState.createProperty<UserProfile>('profile');
    this.states = [parts.conversationState, parts.userState];
    this.dialogs = new DialogSet(this.dialogState).add(parts.rootDialog);

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const humans = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (humans.length > 0) await this.greetOnce(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const greetedNow = await this.greetOnce(context);
      const text = context.activity.text ?? '';
      const handoverCode = greetedNow ? handoverCodeIn(text) : undefined;
      const intent = greetedNow ? (handoverCode ? 'apply' : detectMenuIntent(text)) : null;
      await this.runDialog(context, intent && intent !== 'greeting' ? { intent, handoverCode } : {});
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const started = performance.now();
    await super.run(context);
    const dialog = activeDialogPath(await this.dialogState.get(context));
    try {
      await Promise.all(this.states.map((state) => state.saveChanges(context, false)));
    } catch (error) {
      // Two turns of one conversation at once (a double click): the other turn's state won the eTag race.
      // Its replies are already sent; dropping this save beats an apology and a reset conversation.
      if (!/eTag conflict/i.test((error as Error).message)) throw error;
      this.parts.logger.warn(
        { event: 'state_conflict', conversationId: context.activity.conversation?.id },
        'concurrent turn: state not saved',
      );
    }
    // One line per turn: ids, where the conversation stands, how long it took; never what the user typed.
    this.parts.logger.info(
      {
        event: 'turn',
        conversationId: context.activity.conversation?.id,
        channelId: context.activity.channelId,
        activityType: context.activity.type,
        dialog,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'turn',
    );
  }

  /** Greets a conversation the first time it is seen, whether it starts with conversationUpdate or a message. */
  private async greetOnce(context: TurnContext): Promise<boolean> {
    const flags = await this.flags.get(context, {});
    if (flags.greeted) return false;
    flags.greeted = true;
    await this.flags.set(context, flags);
    const { t } = languageOf(context);
    const profile = await this.profiles.get(context, {});
    await context.sendActivities([
      { type: 'message', text: t('common:greeting.hello') },
      // A returning user with a file in progress hears about it first, from any new conversation.
      {
        type: 'message',
        text: t(profile.application ? 'applicationFlow:draft.reminder' : 'common:greeting.intro'),
      },
    ]);
    if (context.activity.type !== 'message') await this.runDialog(context, {});
    return true;
  }

  private async runDialog(context: TurnContext, options: RootDialogOptions): Promise<void> {
    try {
      await this.continueOrBegin(context, options);
    } catch (error) {
      this.parts.logger.error(
        { err: error, conversationId: context.activity.conversation?.id, event: 'dialog_failed' },
        'dialog turn failed; restarting the conversation at the menu',
      );
      await this.dialogState.delete(context);
      const { t } = languageOf(context);
      await context.sendActivity(t('common:error.recovered'));
      await this.continueOrBegin(context, {});
    }
  }

  private async continueOrBegin(context: TurnContext, options: RootDialogOptions): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(this.parts.rootDialog.id, options);
    }
  }
}

interface StackInstance {
  id: string;
  state?: { dialogs?: { dialogStack?: StackInstance[] } };
}

/** "root/eligibility/eligibilityQuestions": the active dialog at each level of the nested stacks. */
function activeDialogPath(state: DialogState | undefined): string | undefined {
  const ids: string[] = [];
  let stack = state?.dialogStack as StackInstance[] | undefined;
  while (stack && stack.length > 0) {
    const top = stack[stack.length - 1];
    ids.push(top.id);
    stack = top.state?.dialogs?.dialogStack;
  }
  return ids.length > 0 ? ids.join('/') : undefined;
}
