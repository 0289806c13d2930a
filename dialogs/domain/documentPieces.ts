import { foldForMatch } from '../french/normalize.js';

/** Pieces a document may be besides the programme's required list (settings `documents`). */
export const EXTRA_PIECES = ['quotes', 'other'] as const;

/** Words that name each piece, folded (lower case, no accents); the first piece named wins. */
const PIECE_WORDS: Readonly<Record<string, readonly RegExp[]>> = {
  kbis: [/\bk-?bis\b/, /\bextrait\b/],
  balanceSheets: [/\bbilans?\b/, /\bcomptes? de resultat\b/, /\bliasses?\b/, /\bbalance sheets?\b/],
  urssafCertificate: [/\burssaf\b/, /\bvigilance\b/, /\battestation sociale\b/],
  taxCertificate: [/\bfiscale?\b/, /\bimpots?\b/, /\bdgfip\b/, /\btax\b/],
  rib: [/\brib\b/, /\biban\b/, /\bidentite bancaire\b/, /\bbank details\b/],
  quotes: [/\bdevis\b/, /\bquotes?\b/, /\bquotations?\b/],
};

/** Every piece an applicant may choose: the required ones in the programme's order, then quotes, other. */
export function documentPieces(required: readonly string[]): string[] {
  return [...required, ...EXTRA_PIECES.filter((piece) => !required.includes(piece))];
}

/** The piece the applicant's words name ("voici le Kbis", "attestation URSSAF"), or undefined. */
export function recognisePiece(text: string, pieces: readonly string[]): string | undefined {
  const folded = foldForMatch(text);
  if (folded === '') return undefined;
  return pieces.find((piece) => PIECE_WORDS[piece]?.some((words) => words.test(folded)));
}

/** The required pieces no document is labelled as yet. */
export function missingPieces(
  required: readonly string[],
  labelled: readonly (string | undefined)[],
): string[] {
  return required.filter((piece) => !labelled.includes(piece));
}

const ADD_DOCUMENT = [
  /^(?:je (?:veux|voudrais|souhaite) )?(?:ajouter|joindre|envoyer|deposer|transmettre) (?:un|une|des|mes|les|d'autres|un autre|une autre) (?:documents?|pieces?|justificatifs?)\b/,
  /^(?:i want to |i'd like to )?(?:add|send|upload|attach) (?:a|an|some|my|the|another) (?:documents?|files?|pieces?)\b/,
];

/** "Ajouter un document à mon dossier", "joindre une pièce", "add a document": a short request, not a form answer. */
export function asksToAddDocument(text: string): boolean {
  const folded = foldForMatch(text);
  return folded.length <= 80 && ADD_DOCUMENT.some((pattern) => pattern.test(folded));
}
