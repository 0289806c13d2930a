import type { Storage, TurnContext, UserState } from 'botbuilder';
import { commandKey, detectGlobalCommand } from '../dialogs/globalCommands.js';
import { languageOf } from '../dialogs/translator.js';
import type { UserProfile } from '../dialogs/userProfile.js';
import { RESUME_CODE_HOURS, resumeCodeIn, type ResumeCodeStore } from '../storage/resumeCodes.js';
import type { Logger } from './logger.js';
import { isConflict } from '../storage/statusOutbox.js';

/** "Reprendre sur un autre appareil" and its variants, folded as commandKey folds them. */
const REQUEST_FORMS = new Set([
  'reprendre sur un autre appareil',
  'continuer sur un autre appareil',
  'reprendre ailleurs',
  'code de reprise',
  'mon code de reprise',
  'resume on another device',
  'continue on another device',
  'resume code',
]);

/** Failed code attempts allowed per user, and for the whole server, within the window. */
const PER_USER_FAILURES = 5;
const SERVER_FAILURES = 50;
const WINDOW_MS = 15 * 60 * 1000;

interface StateItem {
  profile?: UserProfile;
  eTag?: string;
  [key: string]: unknown;
}

export interface ResumeCodeTurnsParts {
  codes: ResumeCodeStore;
  storage: Storage;
  userState: UserState;
  clock: () => Date;
  logger: Logger;
}

/**
 * The owner's resume code, around the bot's turn (it works the same in every dialog, and on every channel):
 * asked for ("reprendre sur un autre appareil") or given at a pause, it is typed on another device or channel,
 * where it moves the draft into that user's state and resumes it. Failed attempts are limited per user and
 * for the whole server; a code is never written to a log.
 */
export class ResumeCodeTurns {
  private readonly failures = new Map<string, number[]>();
  private serverFailures: number[] = [];

  constructor(private readonly parts: ResumeCodeTurnsParts) {}

  /** Before the bot's turn; true when this turn was the code's business and the bot has nothing to add. */
  async before(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.type !== 'message' || typeof activity.text !== 'string' || !activity.from?.id) return false;
    if (REQUEST_FORMS.has(commandKey(activity.text))) {
      // Never shown where others read along (a Teams channel or group chat).
      if (isShared(context)) await context.sendActivity(languageOf(context).t('resume:notHere'));
      else await this.offer(context, 'resume:code');
      return true;
    }
    const code = resumeCodeIn(activity.text);
    return code ? this.redeem(context, code) : false;
  }

  /** After the bot's turn: a pause with a draft gets its resume code too. */
  async after(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.type !== 'message' || detectGlobalCommand(activity.text) !== 'pause') return;
    if (isShared(context)) return;
    const profile = await this.parts.userState.createProperty<UserProfile>('profile').get(context, {});
    if (!profile?.application) return;
    await this.offer(context, 'resume:atPause');
  }

  /** Erasure: the user's live code stops working. */
  async erase(context: TurnContext): Promise<void> {
    const stateKey = this.stateKeyOf(context);
    if (stateKey) await this.parts.codes.revoke({ stateKey });
  }

  private async offer(context: TurnContext, key: 'resume:code' | 'resume:atPause'): Promise<void> {
    const { t } = languageOf(context);
    const stateKey = this.stateKeyOf(context);
    const item = stateKey ? await this.read(stateKey) : undefined;
    if (!stateKey || !item?.profile?.application) {
      await context.sendActivity(t('resume:noDraft'));
      return;
    }
    const { code } = await this.parts.codes.issue({ stateKey }, this.parts.clock());
    this.parts.logger.info(
      { event: 'resume_code_issued', channelId: context.activity.channelId },
      'resume code',
    );
    await context.sendActivity(t(key, { code, hours: RESUME_CODE_HOURS }));
  }

  private async redeem(context: TurnContext, code: string): Promise<boolean> {
    const { t } = languageOf(context);
    const now = this.parts.clock().getTime();
    const who = `${context.activity.channelId} ${context.activity.from.id}`;
    if (this.tooMany(who, now)) {
      this.parts.logger.warn({ event: 'resume_code_refused', reason: 'rate_limited' }, 'resume code refused');
      await context.sendActivity(t('resume:tooMany'));
      return true;
    }
    const target = this.stateKeyOf(context);
    const mine = target ? await this.read(target) : undefined;
    if (!target || mine?.profile?.application) {
      await context.sendActivity(t('resume:alreadyDraft'));
      return true;
    }
    const owner = await this.parts.codes.claim(code, this.parts.clock());
    const draft = owner && owner.stateKey !== target ? await this.takeDraft(owner.stateKey) : undefined;
    if (!draft) {
      this.recordFailure(who, now);
      this.parts.logger.warn({ event: 'resume_code_refused', reason: 'unknown' }, 'resume code refused');
      await context.sendActivity(t('resume:unknown'));
      return true;
    }
    await this.parts.storage.write({
      [target]: {
        ...(mine ?? {}),
        profile: { ...(mine?.profile ?? {}), ...draft },
        eTag: mine?.eTag ?? '*',
      },
    });
    this.parts.logger.info(
      { event: 'resume_code_claimed', channelId: context.activity.channelId },
      'resumed',
    );
    await context.sendActivity(t('resume:claimed'));
    // The bot then resumes the draft, as if "Reprendre mon dossier" had been chosen.
    context.activity.text = t('common:menu.resume');
    return false;
  }

  /** Moves the owner's draft (and their eligibility answers) out of their state; undefined if none is left. */
  private async takeDraft(
    stateKey: string,
  ): Promise<Pick<UserProfile, 'application' | 'eligibility'> | undefined> {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const item = await this.read(stateKey);
      const profile = item?.profile;
      if (!item || !profile?.application) return undefined;
      const left: UserProfile = { ...profile };
      delete left.application;
      delete left.eligibility;
      try {
        await this.parts.storage.write({ [stateKey]: { ...item, profile: left, eTag: item.eTag ?? '*' } });
        return {
          application: profile.application,
          ...(profile.eligibility ? { eligibility: profile.eligibility } : {}),
        };
      } catch (error) {
        if (!isConflict(error) || attempt === 3) throw error;
      }
    }
    return undefined;
  }

  private stateKeyOf(context: TurnContext): string | undefined {
    return this.parts.userState.getStorageKey(context);
  }

  private async read(stateKey: string): Promise<StateItem | undefined> {
    return (await this.parts.storage.read([stateKey]))[stateKey] as StateItem | undefined;
  }

  private tooMany(who: string, now: number): boolean {
    const recent = (this.failures.get(who) ?? []).filter((at) => now - at < WINDOW_MS);
    this.serverFailures = this.serverFailures.filter((at) => now - at < WINDOW_MS);
    return recent.length >= PER_USER_FAILURES || this.serverFailures.length >= SERVER_FAILURES;
  }

  private recordFailure(who: string, now: number): void {
    const recent = (this.failures.get(who) ?? []).filter((at) => now - at < WINDOW_MS);
    this.failures.set(who, [...recent, now]);
    this.serverFailures.push(now);
    // Bounded: a flood of made-up user ids cannot grow the map without end.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
  }
}

/** A conversation others read too: a Teams channel or group chat. */
function isShared(context: TurnContext): boolean {
  const conversation = context.activity.conversation;
  const type = conversation?.conversationType;
  return conversation?.isGroup === true || type === 'channel' || type === 'groupChat';
}
