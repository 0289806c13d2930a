import type { DocumentRefusal } from './domain/documentChecks.js';
import type { Translate } from './translator.js';

/** The sentence that tells the applicant why a document was not kept. */
export function documentRefusalSentence(t: Translate, refusal: DocumentRefusal): string {
  return t(`documents:refusal.${refusal.reason}`, refusal.params);
}
