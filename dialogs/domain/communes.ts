import { readFileSync } from 'node:fs';
import {
  COMPACT_COMMUNES_FILE,
  compactCommunes,
  isCompactCommunes,
  type CommuneRecord,
  type CompactCommunes,
} from './communeData.js';
import type { ProgrammeSettings } from './programmeSettings.js';

export interface Commune {
  inseeCode: string;
  name: string;
  department: string;
  postalCodes: string[];
}

export type CommuneLookup =
  { kind: 'found'; commune: Commune } | { kind: 'choose'; candidates: Commune[] } | { kind: 'not_found' };

/** The area whose communes win when a name is shared: `settings.territory` fits. */
export interface LocalArea {
  inseeCodes: readonly string[];
  department: string;
}

export type CommuneArea = 'territory' | 'department' | 'elsewhere';

export function classifyCommune(
  commune: Pick<Commune, 'inseeCode' | 'department'>,
  settings: Pick<ProgrammeSettings, 'territory'>,
): CommuneArea {
  if (settings.territory.inseeCodes.includes(commune.inseeCode)) return 'territory';
  return commune.department === settings.territory.department ? 'department' : 'elsewhere';
}

interface IndexedCommune {
  commune: Commune;
  population: number;
}

/** Name keys in order of trust: the exact name, the name without its article, a former (merged) commune. */
type NameTier = 'name' | 'withoutArticle' | 'formerName';
const NAME_TIERS: readonly NameTier[] = ['name', 'withoutArticle', 'formerName'];

interface CommuneIndex {
  byInseeCode: Map<string, IndexedCommune>;
  byPostalCode: Map<string, IndexedCommune[]>;
  byName: Record<NameTier, Map<string, IndexedCommune[]>>;
  longestName: number;
}

export interface CommuneIndexStats {
  communes: number;
  buildMs: number;
}

const ARTICLES = new Set(['le', 'la', 'les', 'l']);
const WORD_VARIANTS = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['lez', 'les'], // "lès", "lez" and "les" all mean "near" in names: Saint-Christol-lez-Alès
]);
/** Communes named like everyday words ("Y", "Eu", "Vers"...) are only taken when they are the whole answer. */
const EVERYDAY_WORDS = new Set([
  ...ARTICLES, 'a', 'au', 'aux', 'de', 'des', 'du', 'd', 'en', 'sur', 'pres', 'y', 'eu', 'vers', 'mer',
  'ville', 'cours', 'son', 'sous', 'ici', 'est', 'on',
]); // prettier-ignore

/** Lower case, no accents, words split on anything else, abbreviations spelled out. */
export function communeWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => WORD_VARIANTS.get(word) ?? word);
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(data: CompactCommunes): CommuneIndex {
  const index: CommuneIndex = {
    byInseeCode: new Map(),
    byPostalCode: new Map(),
    byName: { name: new Map(), withoutArticle: new Map(), formerName: new Map() },
    longestName: 1,
  };
  for (const [inseeCode, name, department, postalCodeList, population] of data.communes) {
    const postalCodes = postalCodeList === '' ? [] : postalCodeList.split(' ');
    const entry = { commune: { inseeCode, name, department, postalCodes }, population };
    index.byInseeCode.set(inseeCode, entry);
    postalCodes.forEach((postalCode) => addTo(index.byPostalCode, postalCode, entry));
    const words = communeWords(name);
    index.longestName = Math.max(index.longestName, words.length);
    addTo(index.byName.name, words.join(' '), entry);
    if (words.length > 1 && ARTICLES.has(words[0]))
      addTo(index.byName.withoutArticle, words.slice(1).join(' '), entry);
  }
  // Former communes merged into a new one are still what many people write on their letterhead.
  for (const [name, currentCode] of data.formerNames) {
    const parent = index.byInseeCode.get(currentCode);
    if (parent) addTo(index.byName.formerName, communeWords(name).join(' '), parent);
  }
  return index;
}

let loadedIndex: CommuneIndex | undefined;

/**
 * Reads every French commune once (call it at start-up to pay the ~0.1 s there rather than on a first turn), from
 * programme/communes.json, or from a file in the format of @etalab/decoupage-administratif `data/communes.json`.
 */
export function loadCommuneIndex(dataPath: string = COMPACT_COMMUNES_FILE): CommuneIndexStats {
  const started = performance.now();
  const data: unknown = JSON.parse(readFileSync(dataPath, 'utf8'));
  loadedIndex = buildIndex(
    isCompactCommunes(data) ? data : compactCommunes(data as CommuneRecord[], dataPath),
  );
  return { communes: loadedIndex.byInseeCode.size, buildMs: Math.round(performance.now() - started) };
}

function communeIndex(): CommuneIndex {
  if (!loadedIndex) loadCommuneIndex();
  return loadedIndex as CommuneIndex;
}

export function communeByInseeCode(inseeCode: string): Commune | undefined {
  return communeIndex().byInseeCode.get(inseeCode)?.commune;
}

interface NameMatch {
  /** Where the name starts among the words searched. */
  start: number;
  words: number;
  tier: number;
  communes: IndexedCommune[];
}

/**
 * The longest run of words that names a commune; on equal length, the most trusted tier. Inside a sentence, a
 * lone word only counts as an exact name that is no everyday word: "je ne sais pas" is not "Le Pas".
 */
function bestNameMatch(
  index: CommuneIndex,
  words: readonly string[],
  whole: readonly string[] = words,
  /** Only names that begin at the first word. */
  anchored = false,
): NameMatch | undefined {
  const firstMeaningful = whole.findIndex((word) => !EVERYDAY_WORDS.has(word));
  const oneWordAnswer =
    (firstMeaningful < 0 ? Math.min(whole.length, 1) : whole.length - firstMeaningful) === 1;
  let best: NameMatch | undefined;
  for (let start = 0; start < (anchored ? Math.min(1, words.length) : words.length); start++) {
    for (let end = start + 1; end <= Math.min(words.length, start + index.longestName); end++) {
      const key = words.slice(start, end).join(' ');
      const tier = NAME_TIERS.findIndex((name) => index.byName[name].has(key));
      if (tier < 0) continue;
      if (end - start === 1 && !oneWordAnswer && (tier > 0 || EVERYDAY_WORDS.has(key))) continue;
      const better = !best || end - start > best.words || (end - start === best.words && tier < best.tier);
      if (better) {
        const communes = index.byName[NAME_TIERS[tier]].get(key) ?? [];
        best = { words: end - start, tier, communes, start };
      }
    }
  }
  return best;
}

function postalCodesIn(text: string): string[] {
  return [...text.matchAll(/(?<!\d)(\d{2}) ?(\d{3})(?!\d)/g)].map((match) => match[1] + match[2]);
}

function localRank(commune: Commune, local: LocalArea | undefined): number {
  if (!local) return 2;
  if (local.inseeCodes.includes(commune.inseeCode)) return 0;
  return commune.department === local.department ? 1 : 2;
}

/**
 * Recognises a commune in an answer such as "Alès", "30100", "à St-Christol-lez-Alès" or "nous sommes à
 * Saint-Privat-des-Vieux". A postal code and a name together narrow each other down ("30340 Salindres").
 *
 * Rule for a NAME shared by several communes of France: the only one of the local territory wins, else the only
 * one of the local department (an answer given to the CCI of Alès most likely means the local one; the dialog
 * shows the department so a user can correct it); otherwise the user chooses. A shared POSTAL code always asks.
 * Candidates are listed territory first, then the department, then by population.
 */
export function findCommunes(text: string, local?: LocalArea): CommuneLookup {
  const index = communeIndex();
  const byPostalCode = postalCodesIn(text).flatMap((code) => index.byPostalCode.get(code) ?? []);
  const { places: named, shortened } = namedPlaces(index, communeWords(text.replace(/\d/g, ' ')), local);
  // A postal code settles which of the places named is meant ("8 route de Nîmes 30100 Alès").
  const agreeing = named.map((group) => group.filter((entry) => byPostalCode.includes(entry)));
  const settled = agreeing.filter((group) => group.length > 0);
  const byName = [...new Set(named.flat())];
  const both = settled.flat();
  const pool = both.length > 0 ? both : [...byName, ...byPostalCode];
  const candidates = [...new Set(pool)]
    .map((entry) => ({ ...entry, rank: localRank(entry.commune, local) }))
    .sort((a, b) => a.rank - b.rank || b.population - a.population);
  if (candidates.length === 0) return { kind: 'not_found' };
  const list = { kind: 'choose' as const, candidates: candidates.map((candidate) => candidate.commune) };
  // Two places named ("Anduze ou Lédignan", "le siège à Nîmes, l'atelier à Alès"): the user says which.
  if ((settled.length > 1 || (settled.length === 0 && named.length > 1)) && candidates.length > 1)
    return list;
  if (candidates.length === 1) return { kind: 'found', commune: candidates[0].commune };
  const decidedByName = both.length === 0 && byPostalCode.length === 0;
  const localOnes = candidates.filter((candidate) => candidate.rank === candidates[0].rank);
  // A short name ("St-Privat") may be another commune's full name: the territory's comes first, to choose.
  if (decidedByName && candidates[0].rank < 2 && localOnes.length === 1 && !shortened) {
    return { kind: 'found', commune: candidates[0].commune };
  }
  return list;
}

/**
 * Every place named in the words, each as the communes it may be: exact names, and the communes of the
 * territory whose name begins with the words typed ("St-Privat" for Saint-Privat-des-Vieux), longest first.
 */
/** The words of a commune's name, kept: every answer compares its words with those of the whole territory. */
const nameWords = new WeakMap<IndexedCommune, readonly string[]>();

function nameWordsOf(entry: IndexedCommune): readonly string[] {
  let words = nameWords.get(entry);
  if (!words) {
    words = communeWords(entry.commune.name);
    nameWords.set(entry, words);
  }
  return words;
}

function namedPlaces(
  index: CommuneIndex,
  words: readonly string[],
  local?: LocalArea,
): { places: IndexedCommune[][]; shortened: boolean } {
  const localEntries = (local?.inseeCodes ?? [])
    .map((code) => index.byInseeCode.get(code))
    .filter((entry): entry is IndexedCommune => entry !== undefined)
    .map((entry) => ({ entry, words: nameWordsOf(entry) }));
  const places: IndexedCommune[][] = [];
  let shortened = false;
  let start = 0;
  while (start < words.length) {
    const rest = words.slice(start);
    const anchored = bestNameMatch(index, rest, words, true);
    // "près de Alès": a lone everyday word is no place when other words follow.
    const exactHere =
      anchored && anchored.words === 1 && words.length > 1 && EVERYDAY_WORDS.has(rest[0])
        ? undefined
        : anchored;
    let prefixLength = 0;
    let prefixed: IndexedCommune[] = [];
    for (
      let length = Math.min(rest.length, index.longestName);
      length >= 2 && prefixed.length === 0;
      length--
    ) {
      const run = rest.slice(0, length);
      prefixed = localEntries
        .filter((c) => c.words.length > length && run.every((word, i) => c.words[i] === word))
        .map((c) => c.entry);
      if (prefixed.length > 0) prefixLength = length;
    }
    const length = Math.max(exactHere?.words ?? 0, prefixLength);
    if (length === 0) {
      start += 1;
      continue;
    }
    const group = [...(exactHere && exactHere.words === length ? exactHere.communes : [])];
    if (prefixLength === length) {
      group.push(...prefixed);
      shortened = group.length > 1;
    }
    places.push([...new Set(group)]);
    start += length;
  }
  return { places: places.filter((group) => group.length > 0), shortened };
}
