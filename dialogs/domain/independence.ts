import { foldForMatch, parseYesNo, type ParserLocale } from '../french/index.js';

/** Another company holding this share of the capital or more makes the company not independent. */
export const HELD_SHARE = 25;

const SHARE = /(\d+(?:[.,]\d+)?)\s*(?:%|pour ?cents?|pourcents?|percent)/;
/** A share held by people, not by a company ("100 % familial", "je détiens 80 %"), says nothing here. */
const PEOPLE =
  /\b(familial\w*|famille|moi|je|nous|dirigeants?|gerants?|fondateurs?|associes|salaries|family|founders?)\b/;
const GROUP = /\b(groupe|filiale|holding|maison mere|subsidiary|group)\b/;

export interface IndependenceReading {
  /** True when no other company holds 25 % or more. */
  independent: boolean;
  certain: boolean;
  /** Set when the words and the share disagree ("oui mais seulement 15 %"): both readings are offered. */
  contradiction: boolean;
}

/**
 * The answer to "does another company hold 25 % or more of your capital?": a yes means NOT independent. A
 * share given with the answer settles it, and one that contradicts the yes or no makes the bot ask.
 */
export function readIndependence(text: string, locale: ParserLocale): IndependenceReading | undefined {
  const folded = foldForMatch(text);
  const yesNo = parseYesNo(text, locale);
  const share = PEOPLE.test(folded.replace(/[^a-z0-9]+/g, ' ')) ? null : SHARE.exec(folded);
  const shareHeld = share ? Number(share[1].replace(',', '.')) >= HELD_SHARE : undefined;
  if (yesNo.ok) {
    const held = yesNo.value;
    if (shareHeld === undefined) return { independent: !held, certain: yesNo.certain, contradiction: false };
    return shareHeld === held
      ? { independent: !held, certain: true, contradiction: false }
      : { independent: !held, certain: false, contradiction: true };
  }
  if (yesNo.reason === 'ambiguous') return undefined;
  if (shareHeld !== undefined) return { independent: !shareHeld, certain: true, contradiction: false };
  if (GROUP.test(folded.replace(/[^a-z0-9]+/g, ' ')))
    return { independent: false, certain: true, contradiction: false };
  return undefined;
}
