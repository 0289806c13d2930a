import type { TurnContext } from 'botbuilder';

/**
 * A SIRET was just taken from a sentence ("notre SIRET est le 732 829 320 00074") and stored as the answer to
 * its question. The one place where the company lookup (API Recherche d'entreprises) is to start from it, to
 * prefill the company; until it is wired, nothing more happens.
 */
export type SiretFound = (context: TurnContext, siret: string) => Promise<void>;

export const siretFound: SiretFound = async () => undefined;
