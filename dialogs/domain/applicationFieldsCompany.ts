import { isDontKnow, parseSiret } from '../french/index.js';
import {
  answerOf,
  invalid,
  unsure,
  type AnswerValue,
  type Interpretation,
  type Params,
} from '../questionnaire/question.js';
import {
  GOOD_STANDING,
  GOOD_STANDING_PATTERNS,
  GOOD_STANDING_RULES,
  LEGAL_FORM_PATTERNS,
  LEGAL_FORM_RULES,
  LEGAL_FORMS,
  PROCEEDINGS,
  PROCEEDINGS_PATTERNS,
  PROCEEDINGS_RULES,
} from './applicationChoices.js';
import {
  amountField,
  choice,
  cleanText,
  countField,
  dateField,
  firstMatch,
  foldWords,
  lengthOf,
  literal,
  NOT_A_CHOICE,
  percentField,
  problem,
  refuse,
  sentenceKeys,
  todayIso,
  type ApplicationField,
} from './applicationFieldKit.js';
import { classifyCommune, findCommunes, type Commune } from './communes.js';
import { interpretChoice, type ChoiceRules } from './choiceReading.js';
import { readIndependence } from './independence.js';
import { readActivity } from './activityKeywords.js';
import {
  ACTIVITY_CATEGORIES,
  isActivityCategory,
  nafCodesIn,
  parseNafCode,
  type ActivityCategory,
} from './naf.js';
import { balanceSheetFloor, turnoverFloor } from './plausibility.js';

/** "Pas encore" for the SIRET or NAF code of a company still being created (only valid for a creation). */
export const PENDING = 'pending';
const PENDING_WORDS =
  /\b(pas encore|en cours|en attente|pas immatricul\w*|not yet|pending|being registered)\b/;
const pendingDisplay = { key: 'application:display.pending' };
const isCreation = (answers: Record<string, AnswerValue | undefined>) =>
  answers['project.type'] === 'creation';
/** A company being created has no turnover, balance sheet or tax record yet: those are not asked. */
const existing = (answers: Record<string, AnswerValue | undefined>) => !isCreation(answers);

/** A closed question: its button values, the button titles and the words people use for them. */
export function closedField(
  key: string,
  list: string,
  values: readonly string[],
  patterns: ReadonlyArray<readonly [string, RegExp]>,
  base: Pick<ApplicationField, 'group'> & Partial<ApplicationField>,
  rules: ChoiceRules<string> = {},
): ApplicationField {
  const show = (value: string) => ({ key: `application:choice.${list}.${value}` });
  return {
    ...sentenceKeys(key),
    kind: 'choice',
    choices: values.map((value) => choice(list, value)),
    interpret(text, { locale }) {
      if (values.includes(text)) return answerOf(text, show(text));
      if (isDontKnow(text)) return refuse('required');
      return interpretChoice(text, values, patterns, rules, show, locale);
    },
    display: (value) => ({ key: `application:choice.${list}.${String(value)}` }),
    ...base,
  };
}

const formatSiret = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');

const siret: ApplicationField = {
  ...sentenceKeys('company.siret'),
  kind: 'text',
  group: 'company',
  summary: true,
  interpret(text) {
    if (!/\d/.test(text) && PENDING_WORDS.test(foldWords(text))) return answerOf(PENDING, pendingDisplay);
    if (isDontKnow(text)) return refuse('siretNeeded');
    const parsed = parseSiret(text);
    if (parsed.ok) return answerOf(parsed.value, { literal: formatSiret(parsed.value) }, parsed.certain);
    if (parsed.reason === 'checksum') return refuse('siretChecksum');
    if (parsed.reason === 'siret_length')
      return refuse('siretLength', { count: text.replace(/\D/g, '').length });
    return refuse(parsed.reason === 'ambiguous' ? 'siretSeveral' : 'siretMissing');
  },
  validate: (value, answers) => (value === PENDING && !isCreation(answers) ? problem('siretNeeded') : null),
  display: (value) => (value === PENDING ? pendingDisplay : { literal: formatSiret(String(value)) }),
};

const nafCode: ApplicationField = {
  ...sentenceKeys('company.nafCode'),
  kind: 'text',
  group: 'company',
  interpret(text) {
    const codes = nafCodesIn(text);
    if (codes.length > 1) {
      return { kind: 'choose', candidates: codes.map(({ code }) => ({ value: code, label: code })) };
    }
    const naf = parseNafCode(text);
    if (naf.ok) return answerOf(naf.code, { literal: naf.code });
    if (PENDING_WORDS.test(foldWords(text))) return answerOf(PENDING, pendingDisplay);
    return refuse(isDontKnow(text) ? 'nafNeeded' : 'nafInvalid');
  },
  validate: (value, answers) => (value === PENDING && !isCreation(answers) ? problem('nafNeeded') : null),
  display: (value) => (value === PENDING ? pendingDisplay : literal(value)),
  // A sector button of the check settles the rule: the code is not asked again (the SIRET leads to it), unless
  // the activity is "other", which the committee reviews and needs the code for.
  when: (answers) => {
    const activity = answers['company.activity'];
    return activity === undefined || activity === 'other' || answers['company.nafCode'] !== undefined;
  },
};

/** The sector button chosen in the check, kept for the committee when no NAF code was given (never asked). */
const activity: ApplicationField = {
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

/** The commune as kept in the answers, like the eligibility one; `storedValues` flattens it. */
function communeValue(commune: Commune, postalCode: string): AnswerValue {
  return { inseeCode: commune.inseeCode, name: commune.name, department: commune.department, postalCode };
}

const communeLabel = (commune: Commune, postalCode: string) => `${commune.name} (${postalCode})`;

/**
 * Only communes of the territory or of its department (REVIEW) are taken; a name or postal code shared with
 * communes elsewhere keeps the local ones. A commune with several postal codes (Nîmes) asks which one.
 */
const commune: ApplicationField = {
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

const address: ApplicationField = {
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

const independent: ApplicationField = {
  ...sentenceKeys('company.independent'),
  kind: 'boolean',
  group: 'company',
  choices: [choice('independent', 'yes'), choice('independent', 'no')],
  // The question asks whether another company holds 25 % or more: "oui" means NOT independent.
  interpret(text, { locale }) {
    if (text === 'yes' || text === 'no') return answerOf(text === 'no', independentDisplay(text === 'no'));
    if (isDontKnow(text)) return refuse('required');
    const reading = readIndependence(text, locale);
    if (!reading) return invalid(NOT_A_CHOICE);
    const { independent } = reading;
    if (reading.contradiction) {
      return unsure(independent, independentDisplay(independent), 'contradiction', [
        { value: !independent, display: independentDisplay(!independent) },
      ]);
    }
    return answerOf(independent, independentDisplay(independent), reading.certain);
  },
  display: (value) => independentDisplay(value === true),
};

function independentDisplay(isIndependent: boolean) {
  return { key: `application:display.${isIndependent ? 'independent' : 'heldByCompany'}` };
}

const groupShare = percentField('company.groupShare', {
  group: 'company',
  followUp: true,
  when: (answers) => answers['company.independent'] === false,
});

const OLDEST_COMPANY = '1850-01-01';

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

const companyName: ApplicationField = {
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

export const COMPANY_FIELDS: readonly ApplicationField[] = [
  companyName,
  siret,
  closedField(
    'company.legalForm',
    'legalForm',
    LEGAL_FORMS,
    LEGAL_FORM_PATTERNS,
    { group: 'company', followUp: true },
    LEGAL_FORM_RULES,
  ),
  dateField('company.creationDate', {
    group: 'company',
    prefer: 'past',
    check: (iso) => (iso < OLDEST_COMPANY ? refuse('creationDateTooOld') : undefined),
    // A company being created has a creation date still to come; any other has one in the past.
    validate: (value, answers, context) =>
      String(value) > todayIso(context) && !isCreation(answers) ? problem('creationDateFuture') : null,
  }),
  nafCode,
  activity,
  address,
  commune,
  countField('company.headcount', { group: 'company', summary: true, max: 1_000_000 }),
  amountField('company.turnover', {
    group: 'company',
    summary: true,
    max: 1e9,
    allowNone: true,
    floor: turnoverFloor,
    when: existing,
  }),
  amountField('company.balanceSheet', {
    group: 'company',
    max: 1e9,
    allowNone: true,
    floor: balanceSheetFloor,
    when: existing,
    // A turnover within the ceiling settles the SME test; the balance sheets themselves come as documents.
    ask: (answers, { settings }) => {
      const turnover = answers['company.turnover'];
      return !(typeof turnover === 'number' && turnover <= settings.smeThresholds.turnover);
    },
    followUp: true,
  }),
  independent,
  groupShare,
  closedField(
    'company.proceedings',
    'proceedings',
    PROCEEDINGS,
    PROCEEDINGS_PATTERNS,
    { group: 'company' },
    PROCEEDINGS_RULES,
  ),
  closedField(
    'company.goodStanding',
    'goodStanding',
    GOOD_STANDING,
    GOOD_STANDING_PATTERNS,
    { group: 'company', when: existing },
    GOOD_STANDING_RULES,
  ),
  amountField('company.deMinimisReceived', {
    group: 'company',
    max: 1e7,
    allowNone: true,
    // Aid below 100 € is not what anyone reports: "20" is 20 000 €.
    floor: () => 100,
    promptParams: ({ settings }) => ({ years: settings.deMinimis.periodYears }),
  }),
];
