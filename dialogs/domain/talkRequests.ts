import type { Strength } from './faqTopics.js';

/**
 * Requests about the conversation itself, typed in the middle of a question: a person to talk to, another
 * language, an explanation of the question. Read on the folded text of a whole message (see `commandKey`).
 */

const POLITE_START =
  '(bonjour |bonsoir |excusez moi |pardon |alors |euh |svp |s il vous plait |en fait |hello |sorry |please )*';
const POLITE_END = '( svp| s il vous plait| stp| merci| please| thanks| thank you)*';
const WANT =
  '(je (veux|voudrais|souhaite|souhaiterais|peux|pourrais|prefere|prefererais|aimerais)|j aimerais|je voudrais bien|est ce que je peux|est ce que je pourrais|puis je|pourrais je|on peut|peut on|il faudrait que je|i want to|i d like to|i would like to|can i|could i|may i)';
const PERSON =
  '(quelqu un|une personne|une vraie personne|un humain|un etre humain|un conseiller|une conseillere|un vrai conseiller|un agent|un interlocuteur|une interlocutrice|un responsable|un collaborateur|la cci|vous|someone|a person|a human|a real person|an advisor|an adviser|a human being)';
const PERSON_TAIL =
  '( de la cci| a la cci| de chez vous| de la chambre de commerce| at the cci| from the cci| au telephone| par telephone| on the phone| de vive voix| directement| avant de continuer| s il vous plait)*';

const HUMAN_STRONG: RegExp[] = [
  new RegExp(
    `^${POLITE_START}(${WANT} )?(parler|discuter|echanger|etre mise? en (relation|contact)|etre rappelee?|talk|speak) (a|avec|to|with) ${PERSON}${PERSON_TAIL}${POLITE_END}$`,
  ),
  new RegExp(
    `^${POLITE_START}(${WANT} )?(contacter|joindre|appeler|voir|rencontrer|avoir|contact|call|see) ${PERSON}${PERSON_TAIL}${POLITE_END}$`,
  ),
  new RegExp(
    `^${POLITE_START}(pouvez vous|vous pouvez|pourriez vous|can you|could you) (m appeler|me rappeler|me telephoner|call me|call me back)${POLITE_END}$`,
  ),
  new RegExp(`^${POLITE_START}(appelez moi|rappelez moi|call me|call me back)${POLITE_END}$`),
  new RegExp(
    `^${POLITE_START}(un|une) (conseiller|conseillere|humain|vraie personne)${PERSON_TAIL}${POLITE_END}$`,
  ),
  /^(parler a un conseiller|speak to an advisor|talk to an advisor)$/,
];
/** Bare words that may be the answer to a question (a role, a name): only where no answer reads them. */
const HUMAN_WEAK = /^(conseiller|conseillere|humain|quelqu un|advisor|adviser|human|someone)$/;

export function detectHumanRequest(key: string): Strength | null {
  if (HUMAN_STRONG.some((form) => form.test(key))) return 'strong';
  return HUMAN_WEAK.test(key) ? 'weak' : null;
}

const FRENCH = '(en )?(francais|french)';
const ENGLISH = '(en )?(anglais|english)';
const SPEAK =
  '(parlez moi|parlez|parle moi|on peut parler|pouvez vous parler|pouvons nous parler|je prefere|je prefererais|je voudrais|repondez moi|repondez|ecrivez moi|continuons|continuez|speak|talk|answer|write|reply|continue|switch to|can we speak|can you speak|can we talk|can you talk|could you speak|let s speak|change language to|switch language to|change the language to|changer de langue|passer|passez|passons)( (en|in|to))?';
const languageForm = (language: string) =>
  new RegExp(
    `^${POLITE_START}((${SPEAK} )${language}|${language}|in ${language.replace('(en )?', '')})( (svp|s il vous plait|stp|please|merci|thanks|thank you|par contre|instead|now|desormais|maintenant|plutot))*$`,
  );
const LANGUAGE_FORMS: ['fr' | 'en', RegExp][] = [
  ['fr', languageForm(FRENCH)],
  ['en', languageForm(ENGLISH)],
];
/** "français" or "English" alone: a surname or a company name may be a nationality; weak. */
const BARE_LANGUAGE: ['fr' | 'en', RegExp][] = [
  ['fr', /^(francais|french)$/],
  ['en', /^(anglais|english)$/],
];

export function detectLanguageRequest(key: string): { locale: 'fr' | 'en'; strength: Strength } | null {
  for (const [locale, bare] of BARE_LANGUAGE) if (bare.test(key)) return { locale, strength: 'weak' };
  for (const [locale, form] of LANGUAGE_FORMS) if (form.test(key)) return { locale, strength: 'strong' };
  return null;
}

const QUESTION_HELP =
  /^(je ne comprends pas|je comprends pas|j ai pas compris|je n ai pas compris|pas compris|je ne comprends rien|je ne vois pas|c est a dire|c est a dire quoi|que voulez vous dire|qu est ce que vous voulez dire|qu entendez vous par la|qu entendez vous par cette question|comment repondre|comment je reponds|comment dois je repondre|que dois je repondre|je ne sais pas quoi repondre|quoi repondre|i don t understand|i do not understand|what do you mean|i don t get it|how do i answer)( (la|votre|cette|ta|the|your|this) question)?( (svp|s il vous plait|please))?$/;

/** "je ne comprends pas la question": the question's own help, then the question again. */
export function detectQuestionHelp(key: string): boolean {
  return QUESTION_HELP.test(key);
}
