import type { TurnContext } from 'botbuilder';

/**
 * An answer that needed a confirmation, a choice or a second try: which field and why, so the CCI sees which
 * questions confuse people. Never the value nor the text typed.
 */
export interface AnswerEvent {
  field: string;
  outcome: 'confirm' | 'choose' | 'ask';
  reason: string;
}

export type AnswerEventSink = (event: AnswerEvent) => void;

/** Set by the bot for each turn (it owns the logger); dialogs only report. */
export const ANSWER_EVENTS_KEY = Symbol('alize.answerEvents');

export function answerEvent(context: TurnContext, event: AnswerEvent): void {
  const sink = context.turnState.get(ANSWER_EVENTS_KEY) as AnswerEventSink | undefined;
  sink?.(event);
}
