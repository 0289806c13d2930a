import { type Activity, type CloudAdapter, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { CachedConnectorsAuthentication } from '../cachedConnectors.js';
import { setVerifiedIdentity, type VerifiedIdentity } from '../identity/verifiedIdentity.js';
import type { Logger } from '../logger.js';

type AuthenticateRequestResult = Exclude<Parameters<CloudAdapter['processActivityDirect']>[0], string>;

export interface BotTurnsParts {
  adapter: CloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** The Azure Bot app id, or '' when running without authentication. */
  botAppId: string;
  /** Turns wait for the warm-up, like /api/messages. */
  ready?: Promise<unknown>;
}

/** Receives what the bot sends during a turn and returns the ids it got in the transcript. */
export type Deliver = (activities: Partial<Activity>[]) => string[];

/**
 * Runs local Direct Line activities through the same CloudAdapter (middleware, error handler) and bot logic as
 * /api/messages, without a JWT: the request comes from this process, so it is given the bot's own identity
 * directly. Replies are shown once the turn is over (deliveryMode "expectReplies", nothing leaves the
 * process), and turns of one conversation run one after the other, never concurrently on the same state.
 */
export class BotTurns {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly auth: AuthenticateRequestResult;

  constructor(private readonly parts: BotTurnsParts) {
    const claimsIdentity = new ClaimsIdentity([
      { type: AuthenticationConstants.AudienceClaim, value: parts.botAppId },
      { type: AuthenticationConstants.AppIdClaim, value: parts.botAppId },
    ]);
    // Connector clients made during a turn (updates, proactive sends) only ever call this server's own callback
    // route, so they carry no token: a factory from an authentication-disabled configuration, one client kept.
    const local = new CachedConnectorsAuthentication({});
    this.auth = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity,
      connectorFactory: local.createConnectorFactory(claimsIdentity),
    };
  }

  /**
   * Queues a turn after the conversation's previous ones; resolves when it is over (rejects if it failed).
   * `identity`: what the server verified about the visitor (an advisor's web sign-in), put in the turn state.
   */
  run(activity: Partial<Activity>, deliver: Deliver, identity?: VerifiedIdentity): Promise<void> {
    const conversationId = activity.conversation?.id ?? '';
    const previous = this.chains.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => this.process(activity, deliver, identity));
    const settled = turn.catch(() => undefined);
    this.chains.set(conversationId, settled);
    void settled.then(() => {
      if (this.chains.get(conversationId) === settled) this.chains.delete(conversationId);
    });
    return turn;
  }

  private async process(
    activity: Partial<Activity>,
    deliver: Deliver,
    identity: VerifiedIdentity | undefined,
  ): Promise<void> {
    await this.parts.ready;
    const started = performance.now();
    // The turn's reply buffer itself: the context is revoked once the turn is over.
    let replies: Partial<Activity>[] = [];
    const logic = async (context: TurnContext): Promise<void> => {
      replies = context.bufferedReplyActivities;
      if (identity) setVerifiedIdentity(context, identity);
      await this.parts.runTurn(context);
    };
    const input = { ...activity, deliveryMode: 'expectReplies' } as Activity;
    try {
      await this.parts.adapter.processActivityDirect(this.auth, input, logic);
    } finally {
      // Shown once the turn is over and its state written, as /api/messages answers: the visitor never reads a
      // question the stored state is not at yet, and a refused turn's withdrawn replies never show. The
      // adapter's onTurnError apology is among them.
      deliver(replies);
    }
    this.parts.logger.info(
      {
        event: 'turn',
        channel: 'local-directline',
        type: activity.type,
        conversationId: activity.conversation?.id,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'turn',
    );
  }
}
