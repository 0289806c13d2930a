import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationState,
  type Storage,
  type UserState,
} from 'botbuilder';
import type { Localizer } from './i18n.js';
import type { Logger } from './logger.js';

export interface WarmUpTurnParts {
  /** Where the server listens (a wildcard host is reached on loopback). */
  host: string;
  port: number;
  adapter: CloudAdapter;
  localizer: Localizer;
  storage: Storage;
  conversationState: ConversationState;
  userState: UserState;
  logger: Logger;
  /** The company lookup is on: the warm-up skips it, so that no start-up ever queries the register. */
  companyLookup?: boolean;
}

/** The start of the ids of the warm-up conversations (and of their user). */
export const WARM_UP_PREFIX = 'warm-up-';

/** A turn of our own warm-up: no applicant (never counted in the funnel). */
export function isWarmUpTurn(context: TurnContext): boolean {
  return context.activity.conversation?.id?.startsWith(WARM_UP_PREFIX) === true;
}

export function loopbackUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '') return `http://127.0.0.1:${port}`;
  if (host === '::') return `http://[::1]:${port}`;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/**
 * Two throwaway conversations sent to our own /api/messages before /healthz says ready: the first turn of a
 * process pays for lazy set-ups in restify, the CloudAdapter, botbuilder's state and dialogs, our dialogs and
 * storage (measured: 15 to 25 ms against 4 to 7 ms warm); this way no user does. Their state is deleted afterwards.
 * Best effort: a failure is logged and start-up goes on. The caller skips this when a Bot Framework identity is
 * configured (our unauthenticated request would be refused).
 */
export async function warmUpTurns(parts: WarmUpTurnParts): Promise<{ ms: number; turns: number }> {
  const started = performance.now();
  const { t } = parts.localizer.language('fr');
  const message = (text: string) => ({ type: 'message', text });
  const skipLookup = parts.companyLookup ? [t('companyLookup:skip')] : [];
  // The start of an eligibility check (a greeting, a commune, a headcount, an amount), then of an application
  // (a choice, a company name, a SIRET, a legal form, a date): the paths every applicant takes first.
  const conversations: Record<string, unknown>[][] = [
    [
      { type: 'conversationUpdate', membersAdded: [{ id: 'user' }] },
      ...[t('common:menu.eligibility'), ...skipLookup, 'Alès', '12', '1 200 000 €'].map(message),
    ],
    [
      t('common:menu.apply'),
      ...skipLookup,
      t('eligibility:choice.development'),
      'ACME Industrie',
      '100 000 009 00017',
      'SAS',
      '12/03/2015',
    ].map(message),
  ];
  let turns = 0;
  for (const activities of conversations) turns += await warmUpConversation(parts, activities);
  return { ms: Math.round(performance.now() - started), turns };
}

/** One throwaway conversation, then its state deleted; returns how many turns were answered. */
async function warmUpConversation(
  parts: WarmUpTurnParts,
  activities: Record<string, unknown>[],
): Promise<number> {
  const id = `${WARM_UP_PREFIX}${randomUUID()}`;
  const envelope = {
    channelId: 'emulator',
    conversation: { id },
    from: { id },
    recipient: { id: 'bot' },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
  };
  let turns = 0;
  try {
    for (const activity of activities) {
      const response = await fetch(`${loopbackUrl(parts.host, parts.port)}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...envelope, ...activity }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`warm-up turn answered HTTP ${response.status}`);
      turns += 1;
    }
  } catch (error) {
    parts.logger.warn({ err: error, event: 'warm_up_turns_failed' }, 'warm-up turns failed');
  }
  await forget(parts, { ...envelope, type: 'message' } as Partial<Activity>);
  return turns;
}

/** Deletes the warm-up conversation's state, under the keys botbuilder's states derive from its ids. */
async function forget(parts: WarmUpTurnParts, activity: Partial<Activity>): Promise<void> {
  const context = new TurnContext(parts.adapter, activity);
  const keys = [parts.conversationState, parts.userState]
    .map((state) => state.getStorageKey(context))
    .filter((key): key is string => key !== undefined);
  try {
    await parts.storage.delete(keys);
  } catch (error) {
    parts.logger.warn({ err: error, event: 'warm_up_cleanup_failed' }, 'warm-up state not deleted');
  }
}
