import {
  ActivityHandler,
  type BotState,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  StatusCodes,
  type Storage,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { ERASE_STATE_KEY } from '../dialogs/deleteDataDialog.js';
import { dropJournalledCopies } from '../storage/lowdbStorage.js';
import { handoverCodeIn } from '../dialogs/handover.js';
import { ANSWER_EVENTS_KEY, type AnswerEventSink } from '../dialogs/questionnaire/answerEvents.js';
import { detectMenuIntent } from '../dialogs/menuIntents.js';
import { salutationFor } from '../dialogs/domain/salutation.js';
import { commandKey } from '../dialogs/globalCommands.js';
import {
  LANGUAGE_PREFERENCE_PROPERTY,
  applyLanguagePreference,
  requestedLocale,
  type LanguagePreference,
} from '../dialogs/languagePreference.js';
import { TURN_SALUTATION_KEY, greetingKey } from '../dialogs/turnSalutation.js';
import type { RootDialogOptions } from '../dialogs/rootDialog.js';
import { languageOf } from '../dialogs/translator.js';
import type { UserProfile } from '../dialogs/userProfile.js';
import { createDialogContext } from './dialogStateConfiguration.js';
import type { DocumentReceiver } from './documents/documentReceiver.js';
import type { FunnelRecorder } from './funnelRecorder.js';
import { FILE_CONSENT_INVOKE } from './receipts/teamsFileConsent.js';
import type { Logger } from './logger.js';
import { WELCOME_GIVEN_KEY } from './sharedWelcome.js';
import { NO_TELEMETRY, type Telemetry, type TurnEnd } from './telemetry/telemetry.js';
import { TurnOutbox } from './turnOutbox.js';
import { TurnQueue } from './turnQueue.js';
import { TurnStateCommit } from './turnStateCommit.js';

/** Conversations remembered per user; older ones expire on their own (idle draft purge). */
const MAX_REMEMBERED_CONVERSATIONS = 50;

interface ConversationFlags {
  greeted?: boolean;
}

export interface AlizeBotParts {
  conversationState: ConversationState;
  userState: UserState;
  /** Where both states live: erasure deletes the user's other conversations there too. */
  storage?: Storage;
  rootDialog: Dialog;
  logger: Logger;
  /** A span per turn: channel, activity type, dialog and outcome; never the text or an id. */
  telemetry?: Telemetry;
  /** The time, for « Bonjour » or « Bonsoir » (tests inject theirs). */
  clock?: () => Date;
  /** The programme's time zone, in which the clock is read (Europe/Paris by default). */
  timeZone?: string;
  /** After an erasure's state deletion: the rest of what is kept about the user (outbox, resume codes, page). */
  onErased?: (context: TurnContext) => Promise<void>;
  /** Files sent in the chat (any dialog): checked and kept with the draft or the submitted file. */
  documents?: DocumentReceiver;
  /** The anonymous funnel (steps reached, once per conversation), counted for turns whose state is saved. */
  funnel?: FunnelRecorder;
  /** Teams' file consent card answered (the applicant's PDF put in their OneDrive, or declined). */
  fileConsent?: (context: TurnContext) => Promise<InvokeResponse>;
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
  private readonly conversationKeys: StatePropertyAccessor<string[]>;
  private readonly languages: StatePropertyAccessor<LanguagePreference>;
  private readonly states: BotState[];
  private readonly dialogs: DialogSet;
  private readonly turns = new TurnQueue();

  constructor(private readonly parts: AlizeBotParts) {
    super();
    this.dialogState = parts.conversationState.createProperty<DialogState>('dialogState');
    this.flags = parts.conversationState.createProperty<ConversationFlags>('flags');
    this.profiles = parts.userState.createProperty<UserProfile>('profile');
    this.conversationKeys = parts.userState.createProperty<string[]>('conversationKeys');
    this.languages = parts.userState.createProperty<LanguagePreference>(LANGUAGE_PREFERENCE_PROPERTY);
    this.states = [parts.conversationState, parts.userState];
    this.dialogs = new DialogSet(this.dialogState).add(parts.rootDialog);

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const humans = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (humans.length > 0) await this.greetOnce(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      if (parts.documents?.handles(context.activity)) {
        // A file (or the button saying which piece it is) does not answer the question asked: the dialog waits.
        await parts.documents.receive(context, (await this.profiles.get(context, {})) ?? {});
        await next();
        return;
      }
      if (await parts.documents?.answersKbisDate(context, (await this.profiles.get(context, {})) ?? {})) {
        // The extract's day, just asked for: the question of the dialog still waits, like after a file.
        await next();
        return;
      }
      const greetedNow = await this.greetOnce(context);
      const text = context.activity.text ?? '';
      const handoverCode = greetedNow ? handoverCodeIn(text) : undefined;
      const intent = greetedNow ? (handoverCode ? 'apply' : detectMenuIntent(text)) : null;
      // A new thread of a Teams channel welcomed before: a « Bonjour » is still answered, without the welcome.
      if (greetedNow && intent === 'greeting' && context.turnState.get(WELCOME_GIVEN_KEY)) {
        await context.sendActivity(languageOf(context).t(greetingKey(context, 'common:menu.again')));
      }
      // The first message's facts about the company ("SAS Méca-Cévennes, 120 salariés…") are never lost.
      const opening = greetedNow && !handoverCode ? text : undefined;
      await this.runDialog(
        context,
        intent && intent !== 'greeting' ? { intent, handoverCode, opening } : { opening },
      );
      await next();
    });

    // The web page's FR / EN control: the root dialog switches, says so and asks its question again.
    this.onEvent(async (context, next) => {
      // A conversation that opens with it is greeted first, which runs the dialog once already.
      if (requestedLocale(context.activity) && !(await this.greetOnce(context))) {
        await this.runDialog(context, {});
      }
      await next();
    });
  }

  /**
   * An `adaptiveCard/action` invoke without an `action` object makes the SDK throw a TypeError, which would
   * reach onTurnError. It is a malformed request: 400, and the conversation is left as it was.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: unknown } | undefined;
    if (context.activity.name === FILE_CONSENT_INVOKE && this.parts.fileConsent) {
      return this.parts.fileConsent(context);
    }
    if (context.activity.name === 'adaptiveCard/action' && !isObject(value?.action)) {
      return {
        status: StatusCodes.BAD_REQUEST,
        body: {
          statusCode: StatusCodes.BAD_REQUEST,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: 'value.action is required' },
        },
      };
    }
    return super.onInvokeActivity(context);
  }

  override async run(context: TurnContext): Promise<void> {
    // One turn at a time per conversation and per user in this process: a turn reads, changes and writes their
    // state as one unit (two clicks at once, two tabs of one visitor); other conversations run in parallel.
    const states = [this.parts.userState, this.parts.conversationState];
    await this.turns.run(TurnStateCommit.keysOf(context, states), async () => {
      // Replies wait for the state: what the user reads is never ahead of what is on disk.
      const outbox = TurnOutbox.open(context);
      const span = (this.parts.telemetry ?? NO_TELEMETRY).startTurn({
        channel: context.activity.channelId ?? 'unknown',
        activityType: context.activity.type ?? 'unknown',
      });
      try {
        const end = await span.within(() => this.runAlone(context, states, outbox));
        await outbox?.release(context);
        span.end(end);
      } catch (error) {
        span.fail(error);
        throw error;
      } finally {
        outbox?.discard();
      }
    });
  }

  private async runAlone(
    context: TurnContext,
    states: (UserState | ConversationState)[],
    outbox: TurnOutbox | undefined,
  ): Promise<TurnEnd> {
    const started = performance.now();
    const commit = await TurnStateCommit.begin(context, states);
    // The language the user chose, over the client's; the salutation of their words, or of the hour.
    await applyLanguagePreference(context, this.languages);
    const now = (this.parts.clock ?? (() => new Date()))();
    const salutation = salutationFor(
      commandKey(context.activity.text ?? ''),
      now,
      this.parts.timeZone ?? 'Europe/Paris',
    );
    context.turnState.set(TURN_SALUTATION_KEY, salutation);
    const conversationId = context.activity.conversation?.id;
    // Which field needed a confirmation or another try, and why: never the value.
    const onAnswer: AnswerEventSink = ({ field, outcome, reason }) =>
      this.parts.logger.info(
        { event: 'answer_unsure', conversationId, field, outcome, reason },
        'answer unsure',
      );
    context.turnState.set(ANSWER_EVENTS_KEY, onAnswer);
    this.parts.funnel?.open(context);
    await super.run(context);
    if (context.turnState.get(ERASE_STATE_KEY)) {
      // "Supprimer mes données", confirmed: nothing of this user or conversation is written back, and the
      // state of the user's other conversations (callback answers, pre-screen, dialog stack) goes too.
      const others = (await this.conversationKeys.get(context, [])) ?? [];
      // The draft's documents are erased with it; a submitted file's go when it is anonymised (the purge).
      const draftId = (await this.profiles.get(context))?.application?.id;
      if (draftId) await this.parts.documents?.eraseDraft(draftId);
      await Promise.all(this.states.map((state) => state.delete(context)));
      if (this.parts.storage && others.length > 0) await this.parts.storage.delete(others);
      await this.parts.onErased?.(context);
      // The journal's earlier versions of this user's state go now, not at the next compaction.
      await dropJournalledCopies(this.parts.storage);
      this.parts.logger.info(
        { event: 'state_erased', conversationId: context.activity.conversation?.id },
        'erased',
      );
      return { outcome: 'erased' };
    }
    await this.rememberConversation(context);
    const reached = (await this.parts.funnel?.mark(context)) ?? [];
    const dialog = activeDialogPath(await this.dialogState.get(context));
    let outcome: Awaited<ReturnType<TurnStateCommit['commit']>>;
    try {
      outcome = await commit.commit(context);
    } catch (error) {
      await this.refuseUnsavedTurn(context, outbox, error);
      return { outcome: 'not_saved', ...(dialog ? { dialog } : {}) };
    }
    if (outcome === 'conflict') await this.refuseConflictingTurn(context, outbox);
    else this.parts.funnel?.count(reached, now);
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
    return { outcome: outcome === 'conflict' ? 'conflict' : 'saved', ...(dialog ? { dialog } : {}) };
  }

  /** The user's conversations, as storage keys of their conversation state, so that erasure finds them all. */
  private async rememberConversation(context: TurnContext): Promise<void> {
    if (!context.activity.from?.id || !context.activity.conversation?.id) return;
    const key = this.parts.conversationState.getStorageKey(context);
    if (!key) return;
    const keys = (await this.conversationKeys.get(context, [])) ?? [];
    if (keys.includes(key)) return;
    await this.conversationKeys.set(context, [...keys, key].slice(-MAX_REMEMBERED_CONVERSATIONS));
  }

  /**
   * Another server instance changed this conversation's or user's state during the turn: nothing of this turn
   * was kept, so its replies, which announced the next step, are withdrawn and the user is asked to send the
   * message again.
   */
  private async refuseConflictingTurn(context: TurnContext, outbox: TurnOutbox | undefined): Promise<void> {
    this.parts.logger.warn(
      { event: 'state_conflict', conversationId: context.activity.conversation?.id },
      'concurrent turn refused: nothing saved',
    );
    outbox?.discard();
    context.bufferedReplyActivities.splice(0);
    await context.sendActivity(languageOf(context).t('reliability:turn.conflict'));
  }

  /**
   * The state could not be written (disk full, read-only data folder, storage down): the turn's replies, which
   * announced the next question as if the answer were kept, are withdrawn; the user reads that the answer was
   * not saved and is asked to send it again. What was saved before stays as it was.
   */
  private async refuseUnsavedTurn(
    context: TurnContext,
    outbox: TurnOutbox | undefined,
    error: unknown,
  ): Promise<void> {
    const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
    this.parts.logger.error(
      {
        event: 'state_save_failed',
        conversationId: context.activity.conversation?.id,
        code: typeof code === 'string' ? code : typeof name === 'string' ? name : 'unknown',
      },
      'turn state not saved: replies withdrawn',
    );
    outbox?.discard();
    context.bufferedReplyActivities.splice(0);
    if (context.activity.type === 'invoke') return;
    await context.sendActivity(languageOf(context).t('reliability:turn.notSaved'));
  }

  /** Greets a conversation the first time it is seen, whether it starts with conversationUpdate or a message. */
  private async greetOnce(context: TurnContext): Promise<boolean> {
    const flags = await this.flags.get(context, {});
    if (flags.greeted) return false;
    flags.greeted = true;
    await this.flags.set(context, flags);
    // A new post in a Teams channel already welcomed: its first turn, without the welcome again.
    if (context.turnState.get(WELCOME_GIVEN_KEY)) return true;
    const { t } = languageOf(context);
    const profile = await this.profiles.get(context, {});
    await context.sendActivities([
      { type: 'message', text: t(greetingKey(context, 'common:greeting.hello')) },
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
    const dc = await createDialogContext(this.dialogs, context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(this.parts.rootDialog.id, options);
    }
  }
}

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;

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
