import { ActivityTypes, DeliveryModes, type Activity, type TurnContext } from 'botbuilder';

/**
 * The replies of a turn on a channel that would deliver them at once (Teams, Azure Direct Line, the Emulator
 * without expectReplies), held until the turn's state is written. The user never reads the next question while a
 * crash could still lose the answer to the previous one, and a refused turn's replies can still be withdrawn.
 * expectReplies turns need none of this: the adapter already keeps their replies until the end of the turn.
 */
export class TurnOutbox {
  private held: Partial<Activity>[] = [];
  private holding = true;

  static open(context: TurnContext): TurnOutbox | undefined {
    if (context.activity.deliveryMode === DeliveryModes.ExpectReplies) return undefined;
    const outbox = new TurnOutbox();
    context.onSendActivities(async (turn, activities, next) => {
      // An invoke's response is the HTTP answer itself, not a message: it goes through at once.
      if (!outbox.holding || activities.some((a) => a.type === ActivityTypes.InvokeResponse)) return next();
      outbox.held.push(...activities);
      if (activities.some((a) => a.type !== ActivityTypes.Trace)) turn.responded = true;
      return activities.map(() => ({ id: '' }));
    });
    return outbox;
  }

  /** Sends what the turn said, now that its state is written; later sends of the turn go out directly. */
  async release(context: TurnContext): Promise<void> {
    this.holding = false;
    const held = this.held.splice(0);
    if (held.length > 0) await context.adapter.sendActivities(context, held);
  }

  /** Drops what the turn said (its state was not written); later sends (an apology) go out directly. */
  discard(): void {
    this.holding = false;
    this.held = [];
  }
}
