import type { TurnContext } from 'botbuilder';

/** The id recorded in histories: Teams' stable Azure AD object id when there is one, else the channel id. */
export function advisorIdOf(context: TurnContext): string {
  return context.activity.from.aadObjectId ?? context.activity.from.id;
}
