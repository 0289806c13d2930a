import type { TurnContext } from 'botbuilder';

/**
 * The advisor speaking in this turn, as the server verified them (their Entra object id, recorded in
 * histories and handovers), or undefined when the speaker is not a verified advisor. Asked on every advisor
 * turn, never remembered from an earlier one.
 */
export type AdvisorOf = (context: TurnContext) => string | undefined;
