import { isDontKnow, parseYesNo } from '../french/index.js';
import { foldForMatch } from '../french/normalize.js';
import {
  invalid,
  type Answers,
  type AnswerValue,
  type Interpretation,
  type Params,
} from '../questionnaire/question.js';
import type { EligibilityQuestion } from './eligibilityQuestions.js';
import type { Attestation } from './eligibilityRuleKit.js';

/**
 * The four declarations of the check (collective proceedings, tax and social obligations, de minimis aid,
 * independence) asked as one « attestation sur l'honneur ». « Oui, tout est exact » stores each declaration's
 * compliant answer under its own key, exactly what answering the four questions one by one would have stored,
 * so the rules, the verdict and the file's prefill read the same values. « Non, je précise » asks them one by
 * one; a sentence naming one (« on a eu une procédure de sauvegarde ») asks only that one.
 */
export const DECLARATIONS_KEY = 'declarations';

/** What the attestation's own key stores: all four attested, or to be given one by one. */
export type DeclarationsAnswer = 'attested' | 'detail';

/**
 * The answer each question gives when the statement is true, in the order the rules ask them. De minimis: the statement is « aucune aide de
 * minimis », which is 0 € (what « aucune » answers to that question): an amount received within the ceiling is
 * a figure the committee needs, so it is given to the question itself ("Non, je précise").
 */
export const COMPLIANT_DECLARATIONS: Readonly<Record<string, AnswerValue>> = {
  proceedings: 'none',
  deMinimis: 0,
  independent: true,
  goodStanding: 'yes',
};

/** The words that name a declaration in an answer saying which one is not true (folded text). */
const NAMED: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'proceedings',
    /\b(procedures?|sauvegarde|redressement|liquidation|tribunal|mandataire|conciliation|proceedings?|safeguard|receivership|insolven\w*|bankrupt\w*)\b/,
  ],
  [
    'goodStanding',
    /\b(impots?|fiscal\w*|urssaf|cotisations?|dettes?|echeancier|taxes?|tax|arrears|payment plan|social security)\b/,
  ],
  [
    'deMinimis',
    /\b(minimis|subventions?|aides? (publiques?|d etat|de l etat|de la region|recues?)|recu des aides|state aid|grants?)\b/,
  ],
  [
    'independent',
    /\b(groupe|holding|filiale|detenue?s?|actionnaires?|maison mere|capital|group|subsidiary|shareholders?|owned)\b/,
  ],
];

/** "oui", "c'est exact", "tout est bon", "je confirme": the whole answer says yes to every statement. */
const ALL_TRUE =
  /^(?:(?:oui|yes|ok)\s*)?(?:(?:c est|tout est|c est tout|tout|that s|that is|it s|all|everything s|everything is)\s+)?(?:(?:bien|tout a fait|absolument)\s+)?(?:exact|correct|bon|juste|vrai|ok|en regle|right|true|good|fine)(?:\s+(?:tout|pour tout|everything))?$|^(?:oui\s+)?(?:je|nous)\s+(?:le\s+)?(?:confirme|confirmons|certifie|certifions|atteste|attestons)$|^(?:i|we)\s+confirm$/;

const words = (text: string) =>
  foldForMatch(text)
    .replace(/[’']/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The declarations a free answer names, in the order of the list. */
export function namedDeclarations(text: string): string[] {
  const folded = words(text);
  return NAMED.filter(([, pattern]) => pattern.test(folded)).map(([key]) => key);
}

/** The attestation's answer, with the declarations it answers in the same breath. */
const answered = (value: DeclarationsAnswer, also?: Answers): Interpretation => ({
  kind: 'answer',
  value,
  certain: true,
  ...(also && { also }),
});

const only = (values: Readonly<Record<string, AnswerValue>>, keys: readonly string[]): Answers =>
  Object.fromEntries(Object.entries(values).filter(([key]) => keys.includes(key)));

export const declarationsQuestion: EligibilityQuestion = {
  key: DECLARATIONS_KEY,
  promptKey: 'eligibility:question.declarations',
  exampleKey: 'eligibility:example.declarations',
  choices: [
    { value: 'attested', labelKey: 'eligibility:choice.attested' },
    { value: 'detail', labelKey: 'eligibility:choice.detail' },
  ],
  fills: Object.keys(COMPLIANT_DECLARATIONS),
  interpret(text, { locale }) {
    if (text === 'attested') return answered('attested', { ...COMPLIANT_DECLARATIONS });
    if (text === 'detail') return answered('detail');
    // A declaration named is one to give by itself, even after a "oui" ("oui, mais on a un échéancier"); the
    // others were read in the list and not objected to.
    const named = namedDeclarations(text);
    if (named.length > 0) {
      const others = Object.keys(COMPLIANT_DECLARATIONS).filter((key) => !named.includes(key));
      return answered('detail', only(COMPLIANT_DECLARATIONS, others));
    }
    const yesNo = parseYesNo(text, locale);
    if (ALL_TRUE.test(words(text)) || (yesNo.ok && yesNo.value && yesNo.certain)) {
      return answered('attested', { ...COMPLIANT_DECLARATIONS });
    }
    // "Non", "pas tout", "je ne sais pas": each statement is then answered on its own, "je ne sais pas" included.
    if ((yesNo.ok && !yesNo.value) || isDontKnow(text)) return answered('detail');
    return invalid('eligibility:error.declarationsUnclear');
  },
};

/** The statement of each declaration, as a line of the attestation (`eligibility:declaration.<key>`). */
function lines(keys: readonly string[]): Params {
  return {
    n: keys.length,
    ...Object.fromEntries(keys.map((key, index) => [`line${index + 1}`, `eligibility:declaration.${key}`])),
  };
}

/** The programme's attestation: the rule set asks it once every other question of the check is answered. */
export const DECLARATIONS: Attestation = {
  question: declarationsQuestion,
  compliant: COMPLIANT_DECLARATIONS,
  lines,
};
