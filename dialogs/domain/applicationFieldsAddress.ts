import { isDontKnow } from '../french/index.js';
import { answerOf, type AnswerValue, type Interpretation, type Params } from '../questionnaire/question.js';
import {
  cleanText,
  lengthOf,
  literal,
  refuse,
  sentenceKeys,
  type ApplicationField,
} from './applicationFieldKit.js';
import { classifyCommune, findCommunes, type Commune } from './communes.js';

/* Where the establishment is: its street, and its commune (given with the street, or known from the check). */

/** The commune as kept in the answers, like the eligibility one; `storedValues` flattens it. */
function communeValue(commune: Commune, postalCode: string): AnswerValue {
  return { inseeCode: commune.inseeCode, name: commune.name, department: commune.department, postalCode };
}

const communeLabel = (commune: Commune, postalCode: string) => `${commune.name} (${postalCode})`;

/**
 * Only communes of the territory or of its department (REVIEW) are taken; a name or postal code shared with
 * communes elsewhere keeps the local ones. A commune with several postal codes (Nîmes) asks which one.
 */
export const commune: ApplicationField = {
  ...sentenceKeys('company.commune'),
  kind: 'text',
  group: 'company',
  summary: true,
  followUp: true,
  // The file keeps the postal code, the name and the INSEE code apart, like DOMAIN.md's table.
  record: {
    fields: [
      { key: 'company.postalCode', kind: 'text' },
      { key: 'company.commune', kind: 'text' },
      { key: 'company.inseeCode', kind: 'text' },
    ],
    values(value): Record<string, AnswerValue> {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { 'company.commune': value };
      }
      return {
        'company.postalCode': String(value.postalCode ?? ''),
        'company.commune': String(value.name ?? ''),
        'company.inseeCode': String(value.inseeCode ?? ''),
      };
    },
  },
  interpret(text, { settings }): Interpretation {
    if (isDontKnow(text)) return refuse('required');
    const lookup = findCommunes(text, settings.territory);
    if (lookup.kind === 'not_found') return refuse('communeUnknown');
    const found = lookup.kind === 'found' ? [lookup.commune] : lookup.candidates;
    const local = found.filter((c) => classifyCommune(c, settings) !== 'elsewhere');
    if (local.length === 0) return refuse('communeOutside', { territory: settings.territory.name });
    const typed = text.match(/(?<!\d)\d{2} ?\d{3}(?!\d)/)?.[0]?.replace(' ', '');
    const options = local.flatMap((c) => {
      const codes = typed && c.postalCodes.includes(typed) ? [typed] : c.postalCodes;
      return codes.map((code) => ({ value: communeValue(c, code), label: communeLabel(c, code) }));
    });
    if (options.length === 0) return refuse('communeUnknown');
    if (options.length === 1) return answerOf(options[0].value, { literal: options[0].label });
    return { kind: 'choose', candidates: options.slice(0, 12) };
  },
  display(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return literal(value);
    return { literal: `${String(value.name)} (${String(value.postalCode ?? value.department)})` };
  },
};

/** "12 rue de la République, 30100 Alès": the street, and the commune from the postal code on. */
const POSTAL_CODE = /(?<!\d)\d{2} ?\d{3}(?!\d)/;

export const address: ApplicationField = {
  ...sentenceKeys('company.address'),
  kind: 'text',
  freeText: true,
  group: 'company',
  fills: ['company.commune'],
  // The commune known from the check is named in the question, which then asks for the street only.
  promptParams: (_context, answers = {}): Params => {
    const known = answers['company.commune'];
    if (known === null || typeof known !== 'object' || Array.isArray(known)) return {};
    return { context: 'inCommune', commune: String(known.name ?? '') };
  },
  interpret(text, context, answers) {
    const typed = cleanText(text).replace(/\n/g, ', ');
    if (isDontKnow(typed)) return refuse('required');
    const code = POSTAL_CODE.exec(typed);
    const street = code ? typed.slice(0, code.index).replace(/[\s,;-]+$/, '') : typed;
    const length = lengthOf(street);
    if (length < 5 || length > 200 || !/\p{L}/u.test(street)) return refuse('addressInvalid');
    const answer = answerOf(street, { literal: street });
    if (!code) return answer;
    // The commune comes with it when it is clear; otherwise the commune question follows.
    const place = commune.interpret(typed.slice(code.index), context, answers);
    return place.kind === 'answer' && place.certain
      ? { ...answer, also: { 'company.commune': place.value } }
      : answer;
  },
  display: literal,
};
