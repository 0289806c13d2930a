import { isDontKnow, parseSiret } from '../french/index.js';
import { answerOf, invalid, unsure, type AnswerValue } from '../questionnaire/question.js';
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
  countField,
  dateField,
  foldWords,
  literal,
  NOT_A_CHOICE,
  percentField,
  problem,
  refuse,
  sentenceKeys,
  todayIso,
  type ApplicationField,
} from './applicationFieldKit.js';
import { address, commune } from './applicationFieldsAddress.js';
import { activity, companyName } from './applicationFieldsIdentity.js';
import { interpretChoice, type ChoiceRules } from './choiceReading.js';
import { readIndependence } from './independence.js';
import { nafCodesIn, parseNafCode } from './naf.js';
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
