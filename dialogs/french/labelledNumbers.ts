import { parseAmountEuros } from './amounts.js';
import { factTokens, numberRuns, wordsBetween, type FactToken, type NumberRun } from './factTokens.js';
import { stripHedges } from './hedges.js';
import type { ParserLocale } from './locale.js';
import { parseInteger } from './numbers.js';

/** What a number with its unit or keyword says ("12 salariés", "1,2 M€ de CA", "créer 3 emplois"). */
export type NumberFactKind =
  'headcount' | 'turnover' | 'jobs' | 'jobsCreated' | 'jobsKept' | 'amountRequested';

export interface NumberFact {
  kind: NumberFactKind;
  value: number;
  /** Where the number, its unit and its keyword stand in the text. */
  start: number;
  end: number;
}

const HEADCOUNT_UNIT =
  /^(salarie|salaries|salariee|salariees|personnes?|employes?|employees?|collaborat(eur|eurs|rice|rices)|etp|staff|people)$/;
const JOB_UNIT =
  /^(emplois?|postes?|cdi|embauches?|recrutements?|personnes?|salaries?|salariees?|collaborat\w+|techniciens?|operat(eur|eurs|rice|rices)|ouvriers?|ingenieurs?|commerciaux|commercial|soudeurs?|usineurs?|tourneurs?|fraiseurs?|jobs?|positions?|people|employees?)$/;
const CREATE =
  /^(creer|creerons|creera|creerait|creation|creations|cree|crees|creee|creees|embaucher|embaucherons|embauche|embauches|embauchons|recruter|recruterons|recrutons|recrutement|recrutements|nouveaux|nouvelles|nouveau|nouvel|nouvelle|supplementaires?|create|creating|hire|hiring|new)$/;
const KEEP =
  /^(maintenir|maintenus|maintenues|maintenu|maintien|conserver|conserves|conservons|sauvegarder|sauvegardes|sauvegardons|preserver|preserves|garder|perenniser|perennises|keep|kept|maintain|maintained|retain)$/;
/** Words that put a headcount out of today: "on était 20", "on sera 15", "avant 30". */
const NOT_NOW =
  /\b(etait|etions|etaient|avions|avait|avant|auparavant|ancien|anciens|sera|serons|seront|serait|serions|passer|prochain|prochaine|bientot|objectif|vise|visons|futur|prevoyons|prevu|were|was|will|used)\b|\bil y a\b/;
/** A turnover to come is no answer to "last year's turnover": "objectif 1,2 M€ de CA l'an prochain". */
const TARGET =
  /\b(objectifs?|vise|visons|viser|vise|prevision\w*|previsionnel\w*|prevu|prevue|prochain|prochaine|ici|esperons|espere|esperer|atteindre|cible|sera|serait|devrait|voudrait|voudrions|voulons|souhaitons|target|expect\w*|next|aim)\b/;
const AMOUNT_UNITS = new Set([
  'k', 'ke', 'keur', 'm', 'me', 'meur', 'meuros', 'md', 'mds', 'mrd', 'mrds', 'mdeur', '€', 'eur', 'euro', 'euros',
]); // prettier-ignore
const EURO = new Set(['€', 'eur', 'euro', 'euros', 'ke', 'keur', 'me', 'meur', 'meuros', 'mdeur']);
const FOREIGN = /^([$£¥₣]|dollars?|usd|gbp|livres?|chf|francs?|yens?|yuans?)$/;
const ALTERNATIVE = new Set(['ou', 'a', '-', 'voire', 'sinon', '/', 'et', 'or', 'to']);
const TURNOVER_FILLERS = new Set([
  'de', 'd', "'", ':', '=', 'annuel', 'ht', 'en', 'dernier', 'derniere', 'l', 'an', 'annee', 'est', 'etait', 'a',
  'realise', 'un', 'total', 'sur', 'exercice', 'du', 'le', 'notre', 'of', 'last', 'year', 'is', 'was',
]); // prettier-ignore
const REQUEST_FILLERS = new Set([
  'obtenir', 'recevoir', 'beneficier', 'd', 'de', 'du', "'", 'une', 'un', 'l', 'avance', 'aide', 'remboursable',
  'a', 'taux', 'zero', 'aupres', 'la', 'cci', 'alize', 'montant', 'an', 'advance', 'of',
]); // prettier-ignore
const REQUEST =
  /^(voudrait|voudrions|voudrais|voulons|veut|souhaite|souhaitons|souhaiterait|souhaiterions|souhaiterais|sollicite|sollicitons|solliciter|demande|demandons|demander|aimerions|aimerait|aimerais|avance|advance|request|requesting|ask|asking|need)$/;

interface Reading {
  run: NumberRun;
  /** Index just after the unit words ("M€", "d'euros"). */
  unitTo: number;
  euro: boolean;
}

function readUnit(tokens: readonly FactToken[], run: NumberRun): Reading {
  let to = run.to;
  let euro = false;
  const clause = tokens[run.from].clause;
  while (to < tokens.length && tokens[to].clause === clause) {
    const { text } = tokens[to];
    const linksEuro =
      (text === 'de' && EURO.has(tokens[to + 1]?.text ?? '')) ||
      (text === 'd' && tokens[to + 1]?.text === "'" && EURO.has(tokens[to + 2]?.text ?? ''));
    if (linksEuro) {
      to += text === 'd' ? 2 : 1;
      continue;
    }
    if (!AMOUNT_UNITS.has(text)) break;
    euro = true;
    to += 1;
  }
  if (tokens[run.from - 1]?.text === '€') euro = true;
  return { run, unitTo: to, euro };
}

const sameClause = (tokens: readonly FactToken[], a: number, b: number) =>
  tokens[a] !== undefined && tokens[b] !== undefined && tokens[a].clause === tokens[b].clause;

/** "12 ou 15 salariés", "entre 10 et 12", "10-12": one of several values is no fact. */
function offeredWithAnother(tokens: readonly FactToken[], reading: Reading): boolean {
  const { from } = reading.run;
  const before = tokens[from - 1];
  const beforeThat = tokens[from - 2];
  if (
    before &&
    ALTERNATIVE.has(before.text) &&
    beforeThat?.kind === 'digits' &&
    sameClause(tokens, from, from - 2)
  )
    return true;
  if (before?.text === 'entre' || before?.text === 'between') return true;
  const after = tokens[reading.unitTo];
  const afterThat = tokens[reading.unitTo + 1];
  return Boolean(after && ALTERNATIVE.has(after.text) && afterThat?.kind === 'digits' && after.text !== 'et');
}

function hedged(tokens: readonly FactToken[], reading: Reading, locale: ParserLocale): boolean {
  const { from } = reading.run;
  let first = from;
  while (first > 0 && from - first < 4 && sameClause(tokens, first - 1, from)) first -= 1;
  const window = wordsBetween(tokens, first, Math.min(tokens.length, reading.unitTo + 2));
  return stripHedges(window, locale).hedged;
}

/** The tokens of the clause before the number, nearest last. */
function before(tokens: readonly FactToken[], from: number): FactToken[] {
  const clause = tokens[from]?.clause;
  return tokens.slice(0, from).filter((token) => token.clause === clause);
}

/** Walks back over filler words from the number: the first other word, if it is a keyword. */
function keywordBefore(tokens: readonly FactToken[], from: number, fillers: ReadonlySet<string>, max = 6) {
  const earlier = before(tokens, from).reverse();
  for (const token of earlier.slice(0, max)) {
    if (token.kind === 'digits' && /^(19|20)\d\d$/.test(token.text)) continue;
    if (!fillers.has(token.text)) return token;
  }
  return undefined;
}

function isTurnoverWord(token: FactToken | undefined, tokens: readonly FactToken[]): boolean {
  if (!token) return false;
  // "ça" folds to "ca": only "CA", "ca", "C.A." say chiffre d'affaires.
  if (token.text === 'ca') return !/ç/i.test(token.raw);
  if (token.text === 'affaires' || token.text === 'affaire') {
    const index = tokens.indexOf(token);
    return tokens[index - 2]?.text === 'd' && tokens[index - 3]?.text === 'chiffre';
  }
  return token.text === 'turnover' || token.text === 'revenue' || token.text === 'caht';
}

function headcount(tokens: readonly FactToken[], r: Reading): boolean {
  const unit = tokens[r.run.to];
  const earlier = before(tokens, r.run.from);
  const previous = earlier.at(-1)?.text;
  const twoBefore = earlier.at(-2)?.text;
  const next = tokens[r.run.to];
  const endsHere = !next || next.clause !== tokens[r.run.from].clause;
  const labelled =
    (unit && HEADCOUNT_UNIT.test(unit.text) && sameClause(tokens, r.run.from, r.run.to)) ||
    keywordBefore(tokens, r.run.from, new Set(['de', 'd', "'", ':', '=', 'total', 'est', 'actuel']))?.text ===
      'effectif' ||
    (previous === 'de' && twoBefore === 'equipe') ||
    (((previous === 'sommes' && twoBefore === 'nous') || (previous === 'est' && twoBefore === 'on')) &&
      (endsHere || /^(a|au|aux|dans|en|chez|aujourd|actuellement|maintenant)$/.test(next.text)));
  if (!labelled) return false;
  if (earlier.slice(-3).some((token) => CREATE.test(token.text) || KEEP.test(token.text))) return false;
  return !NOT_NOW.test(wordsBetween(earlier, 0, earlier.length));
}

/** Created, kept, or both ("créer ou maintenir 5 emplois"), when the words around the number say so. */
function jobDirection(tokens: readonly FactToken[], r: Reading): NumberFactKind | undefined {
  let unitAt = r.run.to;
  if (tokens[unitAt] && CREATE.test(tokens[unitAt].text) && !JOB_UNIT.test(tokens[unitAt].text)) unitAt += 1;
  const unit = tokens[unitAt];
  if (!unit || !JOB_UNIT.test(unit.text) || !sameClause(tokens, r.run.from, unitAt)) return undefined;
  const clause = tokens[r.run.from].clause;
  // The verb nearest the number says it: "créer 3 emplois et maintenir 5 postes" gives 3 created, 5 kept.
  const earlier = before(tokens, r.run.from).slice(-3);
  const later = tokens.slice(r.run.to, unitAt + 4).filter((token) => token.clause === clause);
  const side = earlier.some((t) => CREATE.test(t.text) || KEEP.test(t.text)) ? earlier : later;
  const creates = side.some((token) => CREATE.test(token.text));
  const keeps = side.some((token) => KEEP.test(token.text));
  if (creates && keeps) return 'jobs';
  return creates ? 'jobsCreated' : keeps ? 'jobsKept' : undefined;
}

function turnover(tokens: readonly FactToken[], r: Reading, now: Date): boolean {
  const after = tokens
    .slice(r.unitTo, r.unitTo + 5)
    .filter((token) => token.clause === tokens[r.run.from].clause);
  const labelledAfter =
    (after[0]?.text === 'de' && isTurnoverWord(after[1], tokens)) ||
    (after[0]?.text === 'de' && after[1]?.text === 'chiffre') ||
    (after[0]?.text === 'd' && after[1]?.text === "'" && isTurnoverWord(after[2], tokens)) ||
    (after[0]?.text === 'of' && isTurnoverWord(after[1], tokens));
  const labelled =
    labelledAfter || isTurnoverWord(keywordBefore(tokens, r.run.from, TURNOVER_FILLERS), tokens);
  if (!labelled || tokens[r.unitTo]?.text === '%') return false;
  const clause = tokens.filter((token) => token.clause === tokens[r.run.from].clause);
  const thisYear = now.getUTCFullYear();
  const futureYear = clause.some(
    (t) => t.kind === 'digits' && /^20\d\d$/.test(t.text) && Number(t.text) > thisYear,
  );
  return !futureYear && !TARGET.test(wordsBetween(clause, 0, clause.length));
}

function amountRequested(tokens: readonly FactToken[], r: Reading): boolean {
  if (!r.euro && !AMOUNT_UNITS.has(tokens[r.run.to]?.text ?? '')) return false;
  const earlier = before(tokens, r.run.from).reverse();
  for (const token of earlier.slice(0, 7)) {
    if (REQUEST.test(token.text)) return true;
    if (!REQUEST_FILLERS.has(token.text)) return false;
  }
  return false;
}

/**
 * The numbers of a sentence that are labelled with certainty: a headcount with its unit, a turnover with "CA"
 * or "chiffre d'affaires", jobs with "créer" or "maintenir", the amount asked with "on voudrait". A bare number
 * is never taken, nor one hedged ("environ"), offered with another ("12 ou 15"), in the past or to come.
 * The same readers as the questions read the values (parseInteger, parseAmountEuros).
 */
export function labelledNumbers(text: string, locale: ParserLocale, now: Date): NumberFact[] {
  const tokens = factTokens(text);
  const facts: NumberFact[] = [];
  for (const run of numberRuns(tokens, locale)) {
    if (tokens[run.from].subset) continue;
    const reading = readUnit(tokens, run);
    if (offeredWithAnother(tokens, reading) || hedged(tokens, reading, locale)) continue;
    const numberText = text.slice(run.start, run.end);
    const amountText = text.slice(run.start, tokens[reading.unitTo - 1]?.end ?? run.end);
    const count = parseInteger(numberText, { locale, min: 0, max: 1_000_000 });
    const span = { start: run.start, end: tokens[reading.unitTo - 1]?.end ?? run.end };
    const direction = jobDirection(tokens, reading);
    if (count.ok && count.certain && direction) {
      const unitEnd = tokens[Math.min(tokens.length - 1, run.to)].end;
      facts.push({ kind: direction, value: count.value, start: run.start, end: Math.max(unitEnd, span.end) });
      continue;
    }
    if (count.ok && count.certain && headcount(tokens, reading)) {
      const unit = tokens[run.to];
      const end = unit && HEADCOUNT_UNIT.test(unit.text) ? unit.end : run.end;
      facts.push({ kind: 'headcount', value: count.value, start: run.start, end });
      continue;
    }
    // "CA 2025 : 1,2 M€": a year is no amount.
    const unitless = reading.unitTo === run.to && !reading.euro;
    if (unitless && /^(19|20)\d\d$/.test(numberText)) continue;
    if (FOREIGN.test(tokens[reading.unitTo]?.text ?? '') || FOREIGN.test(tokens[run.from - 1]?.text ?? ''))
      continue;
    const amount = parseAmountEuros(amountText, { locale });
    if (!amount.ok || !amount.certain || amount.value <= 0) continue;
    if (turnover(tokens, reading, now)) facts.push({ kind: 'turnover', value: amount.value, ...span });
    else if (amountRequested(tokens, reading))
      facts.push({ kind: 'amountRequested', value: amount.value, ...span });
  }
  return facts;
}

export type { FactToken };
