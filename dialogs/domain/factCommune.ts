import { factTokens, type FactToken } from '../french/factTokens.js';
import { communeWords, findCommunes, type Commune, type LocalArea } from './communes.js';

export interface CommuneFact {
  commune: Commune;
  /** The postal code typed with it, if any. */
  postalCode?: string;
  start: number;
  end: number;
}

/** Words after which a place is where the company is: "à Alès", "basés au Vigan", "sur la commune de Salindres". */
const PLACE_WORDS = new Set(['a', 'au', 'sur', 'commune', 'ville', 'in']);
/** Words before "à" that put the place elsewhere: "nos clients à Nîmes", "j'habite à Uzès", "près d'Alès". */
const ELSEWHERE =
  /^(clients?|fournisseurs?|livr\w*|vend\w*|exporte\w*|habite\w*|vis|vit|vivons|pres|proche|cote|loin|pour|vers|filiales?|mere|groupe|concurrents?|jusqu|entre|partenaires?|origine|ne|nee|demenag\w*|installer|aller|allons|ira|irons|chantiers?|interven\w*|deplac\w*|customers?|suppliers?|near|live|lives)$/;
/** Words that end the name of a place typed after "à", unless glued with a hyphen (Saint-Jean-de-Maruéjols-et-Avéjan). */
const CUT =
  /^(avec|et|pour|dont|qui|que|depuis|mais|nous|on|je|ou|car|donc|il|elle|dans|chez|aupres|with|and|we|since|for)$/;
const ARTICLES = new Set(['la', 'le', 'les', 'l']);
const DEPARTMENT = /^(0[1-9]|[1-8]\d|9[0-5]|97|98)\d{3}$/;
const NOT_PLACE_UNIT =
  /^(€|eur|euros?|k|m|salaries?|personnes?|emplois?|postes?|habitants?|m2|km|%|clients?|pieces?|unites?)$/;

const withoutArticle = (words: string[]) =>
  words.length > 1 && ARTICLES.has(words[0]) ? words.slice(1) : words;

/** The words typed name the commune from their start ("La Grand-Combe", "Grand Combe", "Alès"). */
function namesFromStart(typed: string, commune: Commune): boolean {
  const said = withoutArticle(communeWords(typed));
  const name = withoutArticle(communeWords(commune.name));
  return name.length > 0 && name.every((word, i) => said[i] === word);
}

function snippetAfter(tokens: readonly FactToken[], from: number): number {
  let to = from;
  while (to < tokens.length && to - from < 9) {
    const token = tokens[to];
    if (token.clause !== tokens[from].clause || token.kind === 'digits') break;
    const glued = token.start === tokens[to - 1]?.end || tokens[to - 1]?.text === '-';
    if (token.kind === 'word' && CUT.test(token.text) && !glued && to > from) break;
    if (token.kind === 'symbol' && token.text !== '-' && token.text !== "'") break;
    to += 1;
  }
  return to;
}

function placeAfter(tokens: readonly FactToken[], i: number, text: string, local: LocalArea) {
  const token = tokens[i];
  if (token.kind !== 'word' || !PLACE_WORDS.has(token.text) || token.subset) return undefined;
  const next = tokens[i + 1];
  if (!next || next.clause !== token.clause) return undefined;
  // A plain "a" is often the verb ("il a 12 salariés"): only with a capitalised place after it.
  if (token.raw === 'a' && !/^\p{Lu}/u.test(next.raw)) return undefined;
  if ((token.text === 'commune' || token.text === 'ville') && next.text !== 'de' && next.text !== 'd')
    return undefined;
  const previous = tokens[i - 1];
  if (previous && previous.clause === token.clause && ELSEWHERE.test(previous.text)) return undefined;
  let from = i + 1;
  if (token.text === 'sur' && next.text === 'la' && tokens[i + 2]?.text === 'commune') from = i + 3;
  if (tokens[from]?.text === 'de' || (tokens[from]?.text === 'd' && tokens[from + 1]?.text === "'")) {
    if (token.text === 'commune' || token.text === 'ville' || from > i + 1)
      from += tokens[from].text === 'd' ? 2 : 1;
  }
  const to = snippetAfter(tokens, from);
  if (to === from) return undefined;
  const typed = text.slice(tokens[from].start, tokens[to - 1].end);
  const lookup = findCommunes(typed, local);
  if (lookup.kind !== 'found' || !namesFromStart(typed, lookup.commune)) return undefined;
  return { commune: lookup.commune, start: token.start, end: tokens[to - 1].end };
}

function postalCodeAt(tokens: readonly FactToken[], i: number, text: string, local: LocalArea) {
  const token = tokens[i];
  if (token.kind !== 'digits' || !DEPARTMENT.test(token.raw) || token.subset) return undefined;
  const next = tokens[i + 1];
  if (next && next.clause === token.clause && NOT_PLACE_UNIT.test(next.text)) return undefined;
  const to =
    next && next.clause === token.clause && next.kind === 'word' ? snippetAfter(tokens, i + 1) : i + 1;
  const typed = text.slice(token.start, tokens[to - 1].end);
  const lookup = findCommunes(typed, local);
  if (lookup.kind !== 'found' || !lookup.commune.postalCodes.includes(token.raw)) return undefined;
  return { commune: lookup.commune, postalCode: token.raw, start: token.start, end: tokens[to - 1].end };
}

/**
 * The commune of the establishment, when the sentence places the company there ("à La Grand-Combe",
 * "30100 Alès", "basés au Vigan"), with the commune readers of the commune question. Two places named, a
 * place of customers or of a home, a place after "dont", or a postal code shared by several communes: none.
 */
export function communeIn(text: string, local: LocalArea): CommuneFact | undefined {
  const tokens = factTokens(text);
  const found: CommuneFact[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const place = placeAfter(tokens, i, text, local) ?? postalCodeAt(tokens, i, text, local);
    if (place) found.push(place);
  }
  const codes = new Set(found.map((fact) => fact.commune.inseeCode));
  if (codes.size !== 1) return undefined;
  const withCode = found.find((fact) => fact.postalCode !== undefined);
  return withCode ?? found[0];
}
