import type { TurnContext } from 'botbuilder';
import type { FunnelFlow } from './domain/funnelSteps.js';
import { FUNNEL_STEP, questionStep } from './domain/funnelSteps.js';
import type { Effect } from './domain/programmeSettings.js';

/** Receives the funnel steps a turn reached (bot/funnelRecorder.ts); step names only, never a value. */
export type FunnelSink = (step: string) => void;

/** Set by the bot for each turn; dialogs only report, and nothing happens when no recorder is wired. */
export const FUNNEL_SINK_KEY = Symbol('alize.funnelSteps');

function report(context: TurnContext, step: string): void {
  const sink = context.turnState.get(FUNNEL_SINK_KEY) as FunnelSink | undefined;
  sink?.(step);
}

export const funnelEvents = {
  checkStarted: (context: TurnContext) => report(context, FUNNEL_STEP.checkStarted),
  questionReached: (context: TurnContext, flow: FunnelFlow, key: string) =>
    report(context, questionStep(flow, key)),
  verdict: (context: TurnContext, verdict: Effect) => report(context, FUNNEL_STEP.verdict(verdict)),
  applicationStarted: (context: TurnContext) => report(context, FUNNEL_STEP.applicationStarted),
  applicationSubmitted: (context: TurnContext) => report(context, FUNNEL_STEP.applicationSubmitted),
};
