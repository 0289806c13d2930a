import { isDontKnow, parseEmail, parseFrenchPhone } from '../french/index.js';
import { answerOf } from '../questionnaire/question.js';
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

function personNameField(key: string): ApplicationField {
  return {
    ...sentenceKeys(key),
    freeText: true,
    group: 'contact',
    personal: true,
    interpret(text) {
      const name = cleanText(text).replace(/\n/g, ' ');
      if (isDontKnow(name)) return refuse('required');
      if (lengthOf(name) > 60 || !PERSON_NAME.test(name)) return refuse('personNameInvalid');
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
    group: 'contact',
    personal: true,
    interpret(text) {
      const parsed = parseEmail(text);
      if (parsed.ok) return answerOf(parsed.value, { literal: parsed.value }, parsed.certain);
      return refuse(EMAIL_ERRORS[parsed.reason] ?? 'emailMissing');
    },
    display: literal,
  },
  {
    ...sentenceKeys('contact.phone'),
    group: 'contact',
    personal: true,
    interpret(text) {
      const parsed = parseFrenchPhone(text);
      if (parsed.ok) return answerOf(parsed.value, { literal: formatPhone(parsed.value) }, parsed.certain);
      return refuse(PHONE_ERRORS[parsed.reason] ?? 'phoneMissing');
    },
    display: (value) => ({ literal: formatPhone(String(value)) }),
  },
];
