import { labelledNumbers, type NumberFactKind } from '../french/labelledNumbers.js';
import { normalizeFrench, type ParserLocale } from '../french/index.js';
import { communeIn } from './factCommune.js';
import { companyNameIn, legalFormIn, nafCodeIn, siretIn } from './factIdentity.js';
import type { LocalArea } from './communes.js';

/** What a sentence can tell about the company and its project, each a question of the check or the file. */
export const FACT_KINDS = [
  'companyName', 'legalForm', 'siret', 'nafCode', 'commune', 'headcount', 'turnover', 'jobs', 'jobsCreated',
  'jobsKept', 'amountRequested',
] as const; // prettier-ignore
export type FactKind = (typeof FACT_KINDS)[number];

export type FactValue = string | number | { inseeCode: string; name: string; postalCode?: string };

/**
 * One fact, found with certainty. `answer` is what the fact's question reads to store it (the canonical
 * text: "120", "1200000 €", "30100 Alès"), so that a fact is only ever taken through its own question, with
 * the same validation. `spans` are where it stands in the (normalized) sentence.
 */
export interface SentenceFact {
  kind: FactKind;
  value: FactValue;
  answer: string;
  spans: [number, number][];
}

export interface FactContext {
  territory: LocalArea;
  locale: ParserLocale;
  now: Date;
}

/** Two different values of one kind in a sentence ("on était 20, on est 12" aside): neither is certain. */
function numberFacts(text: string, context: FactContext): SentenceFact[] {
  const byKind = new Map<NumberFactKind, { values: Set<number>; spans: [number, number][] }>();
  for (const fact of labelledNumbers(text, context.locale, context.now)) {
    const entry = byKind.get(fact.kind) ?? { values: new Set<number>(), spans: [] };
    entry.values.add(fact.value);
    entry.spans.push([fact.start, fact.end]);
    byKind.set(fact.kind, entry);
  }
  const facts: SentenceFact[] = [];
  for (const [kind, { values, spans }] of byKind) {
    if (values.size !== 1) continue;
    const [value] = values;
    const money = kind === 'turnover' || kind === 'amountRequested';
    facts.push({ kind, value, answer: money ? `${value} €` : String(value), spans });
  }
  return facts;
}

const spanOf = (fact: { start?: number; end?: number }): [number, number][] =>
  fact.start !== undefined && fact.end !== undefined ? [[fact.start, fact.end]] : [];

/**
 * Every fact a sentence gives with certainty, for the questions of the check and of the file: headcount,
 * commune or postal code, turnover, jobs created or kept, legal form, SIRET, NAF code, the amount asked and
 * the company's name. A number counts only with its unit or keyword; see labelledNumbers, communeIn and
 * factIdentity for what is refused. Pure: the same text gives the same facts.
 */
export function extractFacts(input: string, context: FactContext): { text: string; facts: SentenceFact[] } {
  const text = normalizeFrench(input);
  const facts: SentenceFact[] = [];
  if (text === '' || !/[\p{L}\d]/u.test(text)) return { text, facts };
  const name = companyNameIn(text);
  if (name) facts.push({ kind: 'companyName', value: name.value, answer: name.value, spans: spanOf(name) });
  const form = legalFormIn(text);
  if (form) facts.push({ kind: 'legalForm', value: form.value, answer: form.value, spans: spanOf(form) });
  const siret = siretIn(text);
  if (siret) facts.push({ kind: 'siret', value: siret.value, answer: siret.value, spans: spanOf(siret) });
  const naf = nafCodeIn(text);
  if (naf) facts.push({ kind: 'nafCode', value: naf.value, answer: naf.value, spans: spanOf(naf) });
  const place = communeIn(text, context.territory);
  if (place) {
    const { inseeCode, name: communeName } = place.commune;
    facts.push({
      kind: 'commune',
      value: { inseeCode, name: communeName, ...(place.postalCode ? { postalCode: place.postalCode } : {}) },
      answer: place.postalCode ? `${place.postalCode} ${communeName}` : communeName,
      spans: [[place.start, place.end]],
    });
  }
  facts.push(...numberFacts(text, context));
  return { text, facts: orderFacts(facts) };
}

function orderFacts(facts: SentenceFact[]): SentenceFact[] {
  return [...facts].sort((a, b) => FACT_KINDS.indexOf(a.kind) - FACT_KINDS.indexOf(b.kind));
}

/** The sentence without the places of these facts: what is left may answer the question asked. */
export function withoutFacts(text: string, facts: readonly SentenceFact[]): string {
  const merged: [number, number][] = [];
  for (const [start, end] of facts.flatMap((fact) => fact.spans).sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let rest = text;
  for (const [start, end] of merged.reverse()) rest = `${rest.slice(0, start)} ${rest.slice(end)}`;
  return rest
    .replace(/\s+([,;.])/g, '$1')
    .replace(/([,;.])(?:\s*[,;.])+/g, '$1')
    .replace(/^[\s,;.]+|[\s,;]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
