import { ALL_ENTRIES, type MenuEntry } from './menuIntents.js';

/** Options every flow started from the menu accepts. */
export interface FlowOptions {
  /** *recommencer*: forget the answers of this flow and start it again. */
  restart?: boolean;
  /** "Reprendre mon dossier": continue what is in progress without asking. */
  resume?: boolean;
  /** A card button of this flow clicked after the flow ended (an old recap's "Envoyer"): its action. */
  cardAction?: string;
  /** A resume code an advisor gave the company: its pre-screen becomes the company's own draft. */
  handoverCode?: string;
  /** A SIRET or company name already read in a message: the company lookup starts with it, asking nothing. */
  companyQuery?: string;
  /** The first message of a conversation, or one typed at the menu, whose facts ("12 salariés à Alès") count. */
  opening?: string;
}

/** What our card buttons send: the action, and the menu entry whose flow handles it. */
export interface CardSubmit {
  action: string;
  entry: MenuEntry;
}

/** What a flow tells the menu when it ends: where the user wants to go next, if anywhere. */
export interface FlowResult {
  next?: MenuEntry;
}

/** A submit from one of our cards (`{ action, entry }`), whatever else the value holds. */
export function cardSubmit(value: unknown): CardSubmit | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { action, entry } = value as Record<string, unknown>;
  if (typeof action !== 'string' || typeof entry !== 'string') return undefined;
  return (ALL_ENTRIES as readonly string[]).includes(entry)
    ? { action, entry: entry as MenuEntry }
    : undefined;
}
