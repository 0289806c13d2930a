import { factTokens, type FactToken } from '../french/factTokens.js';
import { isValidSiret } from '../french/index.js';
import { LEGAL_FORM_PATTERNS, LEGAL_FORM_RULES, type LegalForm } from './applicationChoices.js';
import { foldWords } from './applicationFieldKit.js';
import { nafCodesIn } from './naf.js';

/** A fact of the company's identity found in a sentence, with where it stands (when it is one piece). */
export interface IdentityFact<V> {
  value: V;
  start?: number;
  end?: number;
}

const ACRONYMS = new Map<string, LegalForm>([
  ['sarl', 'SARL'], ['sas', 'SAS'], ['sasu', 'SASU'], ['eurl', 'EURL'], ['scop', 'SCOP'], ['snc', 'SNC'],
]); // prettier-ignore
/** "sa" and "ei" are French words too: only their capitals name a legal form. */
const CAPITAL_ACRONYMS = new Map<string, LegalForm>([
  ['SA', 'SA'],
  ['EI', 'EI'],
]);

/** Where a legal form is named as an acronym ("SAS", "S.A.R.L."): its tokens and its form. */
function acronymAt(tokens: readonly FactToken[], index: number): { form: LegalForm; to: number } | undefined {
  const token = tokens[index];
  if (token.kind !== 'word') return undefined;
  // S.A.R.L.: letters and dots, one letter at a time.
  let letters = '';
  let raw = '';
  let to = index;
  while (tokens[to] && tokens[to].kind === 'word' && tokens[to].text.length === 1) {
    const dotted = tokens[to + 1]?.text === '.';
    if (!dotted && tokens[to - 1]?.text !== '.') break;
    letters += tokens[to].text;
    raw += tokens[to].raw;
    to += dotted ? 2 : 1;
  }
  if (letters.length >= 2) {
    const form = ACRONYMS.get(letters) ?? CAPITAL_ACRONYMS.get(raw.toUpperCase());
    return form ? { form, to } : undefined;
  }
  const form = ACRONYMS.get(token.text) ?? CAPITAL_ACRONYMS.get(token.raw);
  return form ? { form, to: index + 1 } : undefined;
}

/** Forms that include another said with them: a SCOP is often a SARL, a SASU is a one-person SAS. */
const DOMINATES: Partial<Record<LegalForm, readonly LegalForm[]>> = {
  ...LEGAL_FORM_RULES.wins,
  SASU: ['SAS'],
  EURL: ['SARL'],
};

/**
 * The legal form, when the sentence names one: an acronym ("SAS", "S.A.R.L.", "SA" in capitals) or its words
 * ("société à responsabilité limitée", "auto-entrepreneur"), as the legal-form question reads them.
 */
export function legalFormIn(text: string): IdentityFact<LegalForm> | undefined {
  const tokens = factTokens(text);
  const found = new Map<LegalForm, IdentityFact<LegalForm>>();
  for (let i = 0; i < tokens.length; i++) {
    const acronym = acronymAt(tokens, i);
    if (acronym && !found.has(acronym.form)) {
      found.set(acronym.form, {
        value: acronym.form,
        start: tokens[i].start,
        end: tokens[acronym.to - 1].end,
      });
    }
  }
  // The words of a form, not its short acronyms (read above with their case).
  const folded = foldWords(text).replace(/\b(sa|ei)\b/g, ' ');
  for (const [form, pattern] of LEGAL_FORM_PATTERNS) {
    if (form !== 'other' && !found.has(form) && pattern.test(folded)) found.set(form, { value: form });
  }
  const forms = [...found.keys()];
  const kept = forms.filter((form) => !forms.some((other) => DOMINATES[other]?.includes(form)));
  return kept.length === 1 ? found.get(kept[0]) : undefined;
}

const NOT_A_NAME = new Set([
  'nous', 'on', 'je', 'il', 'elle', 'notre', 'nos', 'votre', 'situee', 'situe', 'basee', 'base', 'depuis', 'avec',
  'dont', 'qui', 'de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'et', 'a', 'au', 'aux', 'en', 'pour', 'sur',
  'dans', 'par', 'une', 'un', 'creee', 'cree', 'fondee', 'specialisee', 'unipersonnelle', 'ca', 'siret', 'naf',
  'ape', 'alize', 'cci', 'we', 'our', 'with', 'in', 'based', 'since', 'sa', 'sas', 'sarl', 'scop', 'cooperative',
]); // prettier-ignore
const CONNECTORS = new Set(['de', 'du', 'des', 'la', 'le', 'et', '&', 'd', "'", '-', 'l']);
const NAMED_AFTER = new Set(['societe', 'entreprise']);
const capitalised = (token: FactToken | undefined) =>
  token !== undefined && (token.kind === 'digits' || /^\p{Lu}/u.test(token.raw));

/** "SAS Méca-Cévennes", "l'entreprise Dupont et Fils": capitalised words right after a form or "société". */
function nameAfter(
  tokens: readonly FactToken[],
  from: number,
  text: string,
): IdentityFact<string> | undefined {
  const first = tokens[from];
  if (!first || first.kind !== 'word' || !capitalised(first) || NOT_A_NAME.has(first.text)) return undefined;
  let to = from + 1;
  for (;;) {
    const next = tokens[to];
    if (!next || next.clause !== first.clause || to - from > 12) break;
    const glued = next.start === tokens[to - 1].end;
    if (next.kind === 'word' && (capitalised(next) || glued)) to += 1;
    else if (next.kind === 'digits' && glued) to += 1;
    else if ((next.text === '-' || next.text === "'" || next.text === '&') && capitalised(tokens[to + 1]))
      to += 2;
    else if (CONNECTORS.has(next.text) && capitalised(tokens[to + 1])) to += 2;
    else break;
  }
  const start = first.start;
  const end = tokens[to - 1].end;
  const name = text.slice(start, end);
  return name.length >= 2 && name.length <= 120 ? { value: name, start, end } : undefined;
}

/** The company's name when it is plainly given after its legal form or "la société", else nothing. */
export function companyNameIn(text: string): IdentityFact<string> | undefined {
  const tokens = factTokens(text);
  const names = new Map<string, IdentityFact<string>>();
  for (let i = 0; i < tokens.length; i++) {
    const acronym = acronymAt(tokens, i);
    const after = acronym ? acronym.to : NAMED_AFTER.has(tokens[i].text) ? i + 1 : undefined;
    if (after === undefined) continue;
    const name = nameAfter(tokens, tokens[after]?.text === ':' ? after + 1 : after, text);
    if (name && !names.has(name.value)) names.set(name.value, name);
  }
  return names.size === 1 ? [...names.values()][0] : undefined;
}

/** A SIRET of the sentence: 14 digits (spaces or dots allowed) whose check digit is right; one only. */
export function siretIn(text: string): IdentityFact<string> | undefined {
  const found = new Map<string, IdentityFact<string>>();
  for (const token of factTokens(text)) {
    if (token.kind !== 'digits') continue;
    const groups = token.raw.split(/[\s.,]+/);
    // "73282932000074 12 salariés" reads as one run: any consecutive groups of 14 digits in all.
    for (let first = 0; first < groups.length; first++) {
      let digits = '';
      for (let last = first; last < groups.length && digits.length < 14; last++) {
        digits += groups[last];
        if (digits.length === 14 && isValidSiret(digits) && !found.has(digits)) {
          found.set(digits, { value: digits, start: token.start, end: token.end });
        }
      }
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

const WRITTEN_CODE = /(?<![\p{L}\d])\d{2}\.?\d{2}\p{Lu}(?![\p{L}\d])/gu;

/** The NAF code: written as one ("62.01Z", "6201Z"), or after "NAF" or "APE"; one code only. */
export function nafCodeIn(text: string): IdentityFact<string> | undefined {
  const found = new Map<string, IdentityFact<string>>();
  for (const match of text.matchAll(WRITTEN_CODE)) {
    const [code] = nafCodesIn(match[0]);
    if (code && !found.has(code.code))
      found.set(code.code, { value: code.code, start: match.index, end: match.index + match[0].length });
  }
  const keyword = /\b(naf|ape)\b/i.exec(text);
  if (keyword) {
    const [code] = nafCodesIn(text.slice(keyword.index));
    if (code && !found.has(code.code)) found.set(code.code, { value: code.code });
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}
