import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { funnelMonth } from '../dialogs/domain/funnelSteps.js';
import { FUNNEL_SINK_KEY } from '../dialogs/funnelEvents.js';
import type { FunnelBatch } from '../storage/funnelBatch.js';

/** The steps this conversation was already counted at: kept in its own state, never in the funnel store. */
const COUNTED_PROPERTY = 'funnelCounted';
/** A bound on the mark (a step list of a long conversation stays small: about 60 questions in all). */
const MAX_MARKS = 200;

/**
 * Counts the funnel steps a turn reached, once per conversation and step. The dialogs report steps during the
 * turn; before the turn's state is committed the new ones are marked in the conversation's state, and once the
 * commit succeeded they go to the batch (a refused turn, conflicting or not saved, counts nothing, and its
 * mark is not kept either). The store only ever sees a month and step names.
 */
export class FunnelRecorder {
  private readonly counted: StatePropertyAccessor<string[]>;

  constructor(
    conversationState: ConversationState,
    private readonly batch: FunnelBatch,
    private readonly timeZone: string,
    /** Turns of no applicant (the server's warm-up): nothing of theirs is counted. */
    private readonly ignored: (context: TurnContext) => boolean = () => false,
  ) {
    this.counted = conversationState.createProperty<string[]>(COUNTED_PROPERTY);
  }

  /** At the start of a turn: the dialogs' reports are collected for this turn. */
  open(context: TurnContext): void {
    if (this.ignored(context)) return;
    const reached: string[] = [];
    context.turnState.set(FUNNEL_SINK_KEY, (step: string) => reached.push(step));
    context.turnState.set(REACHED_KEY, reached);
  }

  /** Before the commit: the steps not counted yet in this conversation, marked as counted in its state. */
  async mark(context: TurnContext): Promise<string[]> {
    const reached = (context.turnState.get(REACHED_KEY) as string[] | undefined) ?? [];
    if (reached.length === 0) return [];
    const already = (await this.counted.get(context, [])) ?? [];
    const fresh = [...new Set(reached)].filter((step) => !already.includes(step));
    if (fresh.length > 0) await this.counted.set(context, [...already, ...fresh].slice(-MAX_MARKS));
    return fresh;
  }

  /** After a successful commit. */
  count(steps: readonly string[], now: Date): void {
    this.batch.count(funnelMonth(now, this.timeZone), steps);
  }
}

const REACHED_KEY = Symbol('alize.funnelReached');
