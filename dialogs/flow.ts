import type { MenuEntry } from './menuIntents.js';

/** Options every flow started from the menu accepts. */
export interface FlowOptions {
  /** *recommencer*: forget the answers of this flow and start it again. */
  restart?: boolean;
  /** "Reprendre mon dossier": continue what is in progress without asking. */
  resume?: boolean;
}

/** What a flow tells the menu when it ends: where the user wants to go next, if anywhere. */
export interface FlowResult {
  next?: MenuEntry;
}
