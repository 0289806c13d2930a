import { isDontKnow } from '../french/index.js';
import { answerOf, invalid } from '../questionnaire/question.js';
import {
  cleanText,
  firstMatch,
  lengthOf,
  literal,
  NOT_A_CHOICE,
  refuse,
  sentenceKeys,
  type ApplicationField,
} from './applicationFieldKit.js';
import { readActivity } from './activityKeywords.js';
import { ACTIVITY_CATEGORIES, isActivityCategory, type ActivityCategory } from './naf.js';

/* The company's identity as the file keeps it: its name (with the legal form when written with it), its sector. */

/** A legal form written before or after the name ("SAS Méca-Cévennes", "Mécanique Cévenole (SARL)"). */
const FORM_WORDS = '(SARL|SASU|SAS|EURL|SNC|SCOP|sarl|sasu|sas|eurl|scop|SA|EI)';
const FORM_FIRST = new RegExp(`^\\(?${FORM_WORDS}\\)?[\\s,-]+(?=\\p{L})`, 'u');
const FORM_LAST = new RegExp(`(?<=[\\p{L}\\d.])[\\s,-]+\\(?${FORM_WORDS}\\)?\\.?$`, 'u');

/** The name and, when written with it, the legal form (then not asked). */
function nameAndForm(name: string): { name: string; legalForm?: string } {
  for (const pattern of [FORM_FIRST, FORM_LAST]) {
    const found = pattern.exec(name);
    const rest = found ? name.replace(pattern, '').trim() : name;
    if (found && lengthOf(rest) >= 2) return { name: rest, legalForm: found[1].toUpperCase() };
  }
  return { name };
}

export const companyName: ApplicationField = {
  ...sentenceKeys('company.name'),
  kind: 'text',
  freeText: true,
  group: 'company',
  summary: true,
  fills: ['company.legalForm'],
  interpret(text) {
    const typed = cleanText(text).replace(/\n/g, ' ');
    if (isDontKnow(typed)) return refuse('required');
    const { name, legalForm } = nameAndForm(typed);
    const length = lengthOf(name);
    if (length < 2 || length > 120) return refuse('companyNameLength');
    const answer = answerOf(name, { literal: name });
    return legalForm ? { ...answer, also: { 'company.legalForm': legalForm } } : answer;
  },
  display: literal,
};

/** The sector button chosen in the check, kept for the committee when no NAF code was given (never asked). */
export const activity: ApplicationField = {
  ...sentenceKeys('company.activity'),
  kind: 'choice',
  group: 'company',
  choices: ACTIVITY_CATEGORIES.map((category) => ({ value: category, labelKey: activityLabel(category) })),
  when: (answers) => answers['company.activity'] !== undefined,
  interpret(text) {
    if (isActivityCategory(text)) return answerOf(text, { key: activityLabel(text) });
    const reading = readActivity(text);
    const named =
      reading?.kind === 'one' && 'category' in reading.sector
        ? reading.sector.category
        : firstMatch(text, ACTIVITY_WORDS);
    return named ? answerOf(named, { key: activityLabel(named) }) : invalid(NOT_A_CHOICE);
  },
  display: (value) => ({ key: activityLabel(String(value)) }),
};

/** The button titles the activity keywords do not read ("Services aux entreprises", "Autre activité"). */
const ACTIVITY_WORDS: ReadonlyArray<readonly [ActivityCategory, RegExp]> = [
  ['businessServices', /\b(services aux entreprises|business services)\b/],
  ['digital', /\b(it|digital)\b/],
  ['other', /\b(autre|other)\b/],
];

function activityLabel(category: string): string {
  return `eligibility:sector.${category}`;
}
