import { documentPieces } from './domain/documentPieces.js';
import { documentFlags } from './domain/kbisAge.js';
import type { RecapGroup } from './recap.js';
import type { TurnLanguage } from './translator.js';

/** What the recap needs of a kept document: its name (shown as plain text) and its piece, once known. */
export interface RecapDocument {
  name: string;
  piece?: string;
  /** A Kbis: the day of the extract, when the applicant gave it. */
  issuedOn?: string;
}

function capitalised(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/**
 * The supporting documents as a group of the recap: each required piece (settings `documents`) with the files
 * received for it or « à envoyer », then quotes and other pieces received, then the files not yet labelled; the
 * note says the missing ones may be sent here, in the chat. A Kbis older than 3 months at `at` (the recap comes
 * just before the submission) says so next to its name, as the committee will see it.
 */
export function documentsGroup(
  required: readonly string[],
  documents: readonly RecapDocument[],
  language: TurnLanguage,
  at: { now: Date; timeZone: string },
): RecapGroup {
  const { t } = language;
  const nameOf = (document: RecapDocument): string => {
    const names = t('applicationFlow:recap.documents.name', { name: document.name });
    const [flag] = documentFlags(document, at.now, at.timeZone);
    return flag
      ? t('applicationFlow:recap.documents.flagged', { names, flag: t(`documents:flag.${flag}`) })
      : names;
  };
  const names = (list: readonly RecapDocument[]): string => list.map(nameOf).join(', ');
  const facts: RecapGroup['facts'] = [];
  for (const piece of documentPieces(required)) {
    const received = documents.filter((document) => document.piece === piece);
    if (received.length === 0 && !required.includes(piece)) continue;
    facts.push({
      key: `documents.${piece}`,
      label: capitalised(t(`documents:piece.${piece}`), language.locale),
      value: received.length > 0 ? names(received) : t('applicationFlow:recap.documents.missing'),
    });
  }
  const unlabelled = documents.filter((document) => !document.piece);
  if (unlabelled.length > 0) {
    facts.push({
      key: 'documents.unlabelled',
      label: t('applicationFlow:recap.documents.unlabelled'),
      value: names(unlabelled),
    });
  }
  const missing = required.some((piece) => !documents.some((document) => document.piece === piece));
  return {
    title: t('applicationFlow:recap.documents.title'),
    facts,
    ...(missing ? { note: t('applicationFlow:recap.documents.sendHere') } : {}),
  };
}
