import { isDontKnow, parseEmail, parseFrenchPhone, parseYesNo } from '../french/index.js';
import {
  answerOf,
  invalid,
  unsure,
  type Answers,
  type Interpretation,
  type Params,
} from '../questionnaire/question.js';
import {
  choice,
  cleanText,
  foldWords,
  NOT_A_CHOICE,
  lengthOf,
  literal,
  refuse,
  sentenceKeys,
  type ApplicationField,
  type ErrorReason,
} from './applicationFieldKit.js';
import type { ProgrammeSettings } from './programmeSettings.js';

/** The information notice (GDPR art. 13) is acknowledged at this key, before any personal question. */
export const NOTICE_ACKNOWLEDGED = 'notice.acknowledgedAt';
export const IS_INTERLOCUTOR = 'contact.isInterlocutor';

/** What the notice quotes from the settings. */
export function noticeParams(settings: ProgrammeSettings): Params {
  return {
    controller: settings.dataProtection.controller,
    dpoEmail: settings.dataProtection.dpoEmail,
    complaintUrl: settings.dataProtection.complaintUrl,
    draftIdleDays: settings.retention.draftIdleDays,
    fileYears: settings.retention.fileYearsAfterDecision,
  };
}

/** "Votre prénom" to the interlocutor, "le prénom de cette personne" when someone else is: i18next's context. */
const person = (answers: Answers = {}): Params =>
  answers[IS_INTERLOCUTOR] === false ? { context: 'other' } : {};

const ME = /^(?:oui )?(?:c est moi|moi|moi meme|c est bien moi|je le suis|it s me|me|myself)$/;
const SOMEONE_ELSE =
  /^(?:non )?(?:quelqu un d autre|une autre personne|un collegue|une collegue|someone else|a colleague)$/;

/** "Oui", "c'est moi", "non, une autre personne". */
function readSelf(text: string, locale: 'fr' | 'en'): { ok: boolean; value?: boolean } {
  const folded = foldWords(text);
  if (ME.test(folded)) return { ok: true, value: true };
  if (SOMEONE_ELSE.test(folded)) return { ok: true, value: false };
  return parseYesNo(text, locale);
}

const interlocutorDisplay = (self: boolean) => ({
  key: `application:choice.isInterlocutor.${self ? 'yes' : 'no'}`,
});

/**
 * "Êtes-vous l'interlocuteur du comité ?", asked before the contact's details so that they are asked of the
 * right person. The notice comes with it when it has not been read yet: answering it acknowledges the notice.
 */
const isInterlocutor: ApplicationField = {
  ...sentenceKeys(IS_INTERLOCUTOR),
  kind: 'boolean',
  group: 'contact',
  choices: [choice('isInterlocutor', 'yes'), choice('isInterlocutor', 'no')],
  promptParams: ({ settings }, answers = {}) =>
    answers[NOTICE_ACKNOWLEDGED] ? {} : { context: 'notice', ...noticeParams(settings) },
  interpret(text, { locale, now }, answers = {}): Interpretation {
    const yes =
      text === 'yes' || text === 'no' ? { ok: true, value: text === 'yes' } : readSelf(text, locale);
    if (!yes.ok || yes.value === undefined)
      return isDontKnow(text) ? refuse('required') : invalid(NOT_A_CHOICE);
    const self = yes.value;
    if (answers[NOTICE_ACKNOWLEDGED]) return answerOf(self, interlocutorDisplay(self));
    return {
      kind: 'answer',
      value: self,
      certain: true,
      display: interlocutorDisplay(self),
      also: { [NOTICE_ACKNOWLEDGED]: now.toISOString() },
    };
  },
  display: (value) => interlocutorDisplay(value === true),
};

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

/** Particles that start a family name: "Jean de La Fontaine", "Anne van den Berg". */
const PARTICLE = /^(de|du|des|d['’]|le|la|van|von|del|della|di|da|dos|ben|ibn|mac|mc)$/iu;

/** "Marie Dupont, gérante" or "Marie Dupont (gérante)": the name, then the role. */
function nameAndRole(text: string): { name: string; role?: string } {
  // "moi, Sophie": the words before the name go first, their comma with them.
  const typed = withoutIntro(text);
  const split = /^(.+?)\s*(?:,|;|\(|\s[-–—]\s)\s*(.+?)\)?$/u.exec(typed);
  if (!split) return { name: withoutIntro(typed) };
  return { name: withoutIntro(split[1]), role: split[2].trim() };
}

function readRole(text: string): Interpretation {
  const role = cleanText(text).replace(/\n/g, ' ');
  if (isDontKnow(role)) return refuse('required');
  const length = lengthOf(role);
  if (length < 2 || length > 80 || !/\p{L}/u.test(role)) return refuse('roleInvalid');
  return answerOf(role, { literal: role });
}

/**
 * First and last name (and the role) in one answer: "Marie Dupont, gérante". Two words are a first and a last
 * name; a particle starts the last name; three words or more without one are confirmed ("Jean Pierre Martin").
 * One word is the first name, and the last name is asked next.
 */
const fullName: ApplicationField = {
  ...sentenceKeys('contact.firstName'),
  freeText: true,
  kind: 'text',
  group: 'contact',
  personal: true,
  summary: true,
  fills: ['contact.lastName', 'contact.role'],
  promptParams: (_context, answers) => person(answers),
  interpret(text) {
    const both = BOTH.exec(cleanText(text).replace(/\n/g, ' '));
    if (both) {
      const [given, family] = [both[1].trim(), both[2].trim()];
      return { ...answerOf(given, { literal: given }), also: { 'contact.lastName': family } };
    }
    const { name, role } = nameAndRole(text);
    if (isDontKnow(name)) return refuse('required');
    if (lengthOf(name) > 60 || !PERSON_NAME.test(name)) return refuse('personNameInvalid');
    const withRole: Answers = {};
    if (role !== undefined) {
      const reading = readRole(role);
      if (reading.kind !== 'answer') return reading;
      withRole['contact.role'] = reading.value;
    }
    const words = name.split(' ');
    if (words.length === 1) return { ...answerOf(name, { literal: name }), also: withRole };
    const particle = words.findIndex((word, i) => i > 0 && PARTICLE.test(word));
    const cut = particle > 0 ? particle : words.length === 2 ? 1 : -1;
    if (cut > 0) {
      const [given, family] = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
      return {
        ...answerOf(given, fullNameDisplay(given, family)),
        also: { ...withRole, 'contact.lastName': family },
      };
    }
    // "Jean Pierre Martin": a compound first name, or a compound last name.
    const readings = [words.length - 1, 1].map((at) => {
      const [given, family] = [words.slice(0, at).join(' '), words.slice(at).join(' ')];
      return {
        value: given,
        display: fullNameDisplay(given, family),
        also: { ...withRole, 'contact.lastName': family },
      };
    });
    return {
      ...unsure(readings[0].value, readings[0].display, 'fullName', readings.slice(1)),
      also: readings[0].also,
    };
  },
  display: literal,
};

const lastName: ApplicationField = {
  ...sentenceKeys('contact.lastName'),
  freeText: true,
  kind: 'text',
  group: 'contact',
  personal: true,
  summary: true,
  followUp: true,
  promptParams: (_context, answers) => person(answers),
  interpret(text, _context, answers = {}) {
    let name = withoutIntro(text);
    if (isDontKnow(name)) return refuse('required');
    if (lengthOf(name) > 60 || !PERSON_NAME.test(name)) return refuse('personNameInvalid');
    const known = answers['contact.firstName'];
    // "Sophie Martin" to the last name, Sophie being known: the last name is Martin.
    if (typeof known === 'string' && name.toLowerCase().startsWith(`${known.toLowerCase()} `)) {
      name = name.slice(known.length).trim();
    }
    return answerOf(name, { literal: name });
  },
  display: literal,
};

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
  isInterlocutor,
  fullName,
  lastName,
  {
    ...sentenceKeys('contact.role'),
    freeText: true,
    kind: 'text',
    group: 'contact',
    personal: true,
    followUp: true,
    promptParams: (_context, answers) => person(answers),
    interpret: readRole,
    display: literal,
  },
  {
    ...sentenceKeys('contact.email'),
    kind: 'text',
    group: 'contact',
    personal: true,
    summary: true,
    fills: ['contact.phone'],
    promptParams: (_context, answers) => person(answers),
    // "Comment vous joindre ?": the e-mail, and the phone when it comes with it.
    interpret(text) {
      const parsed = parseEmail(text);
      if (!parsed.ok) return refuse(EMAIL_ERRORS[parsed.reason] ?? 'emailMissing');
      const answer = answerOf(parsed.value, { literal: parsed.value }, parsed.certain);
      const rest = text.replace(/\S+@\S+/g, ' ');
      const phone = /\d/.test(rest) ? parseFrenchPhone(rest) : undefined;
      return phone?.ok && phone.certain ? { ...answer, also: { 'contact.phone': phone.value } } : answer;
    },
    display: literal,
  },
  {
    ...sentenceKeys('contact.phone'),
    kind: 'text',
    group: 'contact',
    personal: true,
    summary: true,
    followUp: true,
    promptParams: (_context, answers) => person(answers),
    interpret(text) {
      const parsed = parseFrenchPhone(text);
      if (parsed.ok) return answerOf(parsed.value, { literal: formatPhone(parsed.value) }, parsed.certain);
      return refuse(PHONE_ERRORS[parsed.reason] ?? 'phoneMissing');
    },
    display: (value) => ({ literal: formatPhone(String(value)) }),
  },
];
