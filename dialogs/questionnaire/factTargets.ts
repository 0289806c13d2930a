import type { TurnContext } from 'botbuilder';
import type { FactContext, FactKind } from '../domain/sentenceFacts.js';
import type { Answers, AnswerValue } from './question.js';
import type { AnswerReading } from './readAnswer.js';

/** Answers a questionnaire keeps for the flow after it (the file's, during the check), with their validation. */
export interface CarriedFacts {
  keys: Partial<Record<FactKind, string>>;
  /** How the carried key's own question reads the fact's canonical text (undefined: no such question). */
  read(context: TurnContext, key: string, text: string, answers: Answers): AnswerReading | undefined;
  /** What is known under the carried keys (what the check prefills included): never asked or taken twice. */
  load(context: TurnContext): Promise<Answers>;
  save(context: TurnContext, key: string, value: AnswerValue): Promise<void>;
}

/** Which questions of a questionnaire the facts of a sentence answer. */
export interface FactTargets {
  own: Partial<Record<FactKind, string>>;
  carried?: CarriedFacts;
  factContext(context: TurnContext): FactContext;
}
