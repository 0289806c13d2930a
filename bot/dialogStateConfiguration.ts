import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogSet, DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** Where botbuilder-dialogs' DialogStateManager looks for its configuration before building one. */
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

let kept: DialogStateManagerConfiguration | undefined;

/**
 * `dialogs.createContext(context)`, with the dialog state manager's configuration (memory scopes and path
 * resolvers from the component registrations) built once per process instead of once per turn. botbuilder
 * builds it from the process-wide registrations and leaves it in the turn state for the turn's other dialog
 * contexts: the first turn's is kept and given to every later turn. The scopes read their memory from each
 * turn's own state, none keeps anything of a turn.
 */
export async function createDialogContext(dialogs: DialogSet, context: TurnContext): Promise<DialogContext> {
  if (kept !== undefined && context.turnState.get(CONFIGURATION_KEY) === undefined) {
    context.turnState.set(CONFIGURATION_KEY, kept);
  }
  const dc = await dialogs.createContext(context);
  kept ??= context.turnState.get<DialogStateManagerConfiguration>(CONFIGURATION_KEY);
  return dc;
}
