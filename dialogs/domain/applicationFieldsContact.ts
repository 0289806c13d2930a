import { isDontKnow, parseEmail, parseFrenchPhone } from '../french/index.js';
import { answerOf, unsure } from '../questionnaire/question.js';
import {
  cleanText,
  lengthOf,
  literal,
  refuse,
  sentenceKeys,
  type ApplicationField,
  type ErrorReason,
} from './applicationFieldKit.js';

const PERSON_NAME = /^\p{L}[\p{L}\p{M}' .-]*$/u;

/** "moi, Sophie", "je m'appelle Sophie", "c'est Sophie": the words before the name. */
const INTRO =
  /^(?:moi|c['’]est|je m['’]appelle|je suis|mon (?:pr[ée]nom|nom)(?: est| c['’]est)?|pr[ée]nom|nom)\s*[:,]?\s+/iu;
/** "Prénom Sophie, nom Martin": both given at once. */
const BOTH =
  /^pr[ée]nom\s*:?\s*(\p{L}[\p{L}\p{M}'’ -]*?)\s*[,;]?\s*(?:et\s+)?(?:mon\s+|le\s+)?nom(?:\s+de\s+famille)?\s*:?\s*(\p{L}[\p{L}\p{M}'’ -]*)$/iu;

function withoutIntro(text: string): string {
  let name = cleanText(text).replace(/\n/g, ' ');
  for (let i = 0; i < 2 && INTRO.test(name); i++) name = name.replace(INTRO, '').trim();
  return name;
}

const fullNameDisplay = (first: string, last: string) => ({
  key: 'application:display.fullName',
  params: { first, last },
});

function personNameField(key: 'contact.firstName' | 'contact.lastName'): ApplicationField {
  const first = key === 'contact.firstName';
  return {
    ...sentenceKeys(key),
    freeText: true,
    kind: 'text',
    group: 'contact',
    personal: true,
    summary: true,
    interpret(text, _context, answers = {}) {
      const both = BOTH.exec(cleanText(text).replace(/\n/g, ' '));
      if (both) {
        const [given, family] = [both[1].trim(), both[2].trim()];
        return first
          ? { ...answerOf(given, { literal: given }), also: { 'contact.lastName': family } }
          : answerOf(family, { literal: family });
      }
      let name = withoutIntro(text);
      if (isDontKnow(name)) return refuse('required');
      if (lengthOf(name) > 60 || !PERSON_NAME.test(name)) return refuse('personNameInvalid');
      const known = answers['contact.firstName'];
      // "Sophie Martin" to the last name, Sophie being known: the last name is Martin.
      if (!first && typeof known === 'string' && name.toLowerCase().startsWith(`${known.toLowerCase()} `)) {
        name = name.slice(known.length).trim();
      }
      const words = name.split(' ');
      if (first && words.length === 2 && answers['contact.lastName'] === undefined) {
        // "Sophie Martin" to the first name: most likely both; "Marie Claire" may be one first name.
        const [given, family] = words;
        return {
          ...unsure(given, fullNameDisplay(given, family), 'fullName', [
            { value: name, display: { literal: name } },
          ]),
          also: { 'contact.lastName': family },
        };
      }
      return answerOf(name, { literal: name });
    },
    display: literal,
  };
}

const EMAIL_ERRORS: Partial<Record<string, ErrorReason>> = {
  email_no_domain: 'emailNoDomain',
  invalid_format: 'emailInvalid',
  ambiguous: 'emailSeveral',
};

const PHONE_ERRORS: Partial<Record<string, ErrorReason>> = {
  not_french: 'phoneNotFrench',
  invalid_format: 'phoneInvalid',
  ambiguous: 'phoneSeveral',
};

/** "+33612345678" → "06 12 34 56 78"; overseas numbers keep their country code. */
export function formatPhone(e164: string): string {
  const national = /^\+33(\d{9})$/.exec(e164);
  if (!national) return e164;
  return `0${national[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

export const CONTACT_FIELDS: readonly ApplicationField[] = [
  personNameField('contact.firstName'),
  personNameField('contact.lastName'),
  {
    ...sentenceKeys('contact.role'),
    freeText: true,
    kind: 'text',
    group: 'contact',
    personal: true,
    interpret(text) {
      const role = cleanText(text).replace(/\n/g, ' ');
      if (isDontKnow(role)) return refuse('required');
      const length = lengthOf(role);
      if (length < 2 || length > 80 || !/\p{L}/u.test(role)) return refuse('roleInvalid');
      return answerOf(role, { literal: role });
    },
    display: literal,
  },
  {
    ...sentenceKeys('contact.email'),
    kind: 'text',
    group: 'contact',
    personal: true,
    summary: true,
    interpret(text) {
      const parsed = parseEmail(text);
      if (parsed.ok) return answerOf(parsed.value, { literal: parsed.value }, parsed.certain);
      return refuse(EMAIL_ERRORS[parsed.reason] ?? 'emailMissing');
    },
    display: literal,
  },
  {
    ...sentenceKeys('contact.phone'),
    kind: 'text',
    group: 'contact',
    personal: true,
    summary: true,
    interpret(text) {
      const parsed = parseFrenchPhone(text);
      if (parsed.ok) return answerOf(parsed.value, { literal: formatPhone(parsed.value) }, parsed.certain);
      return refuse(PHONE_ERRORS[parsed.reason] ?? 'phoneMissing');
    },
    display: (value) => ({ literal: formatPhone(String(value)) }),
  },
];
