import { foldWords } from './applicationFieldKit.js';
import type { ChoiceRules } from './choiceReading.js';

/**
 * The closed answers of the form and the words that name them. Patterns run on folded text (see `foldWords`)
 * and must also recognise the button titles of both locale files, since a click sends the title.
 */
type Patterns<V extends string> = ReadonlyArray<readonly [V, RegExp]>;

export const LEGAL_FORMS = ['EI', 'EURL', 'SARL', 'SAS', 'SASU', 'SA', 'SNC', 'SCOP', 'other'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
/** Order settles overlaps: a SCOP is often a SARL, "SAS unipersonnelle" is a SASU, "SARL unipersonnelle" an EURL. */
export const LEGAL_FORM_PATTERNS: Patterns<LegalForm> = [
  ['SCOP', /\b(scop|cooperative|co operative)\b/],
  ['SASU', /\b(sasu|sas unipersonnelle|societe par actions simplifiee unipersonnelle)\b/],
  ['EURL', /\b(eurl|sarl unipersonnelle|entreprise unipersonnelle a responsabilite limitee)\b/],
  ['SNC', /\b(snc|nom collectif|general partnership)\b/],
  ['SAS', /\b(sas|societe par actions simplifiee|simplified joint stock company)\b/],
  ['SARL', /\b(sarl|societe a responsabilite limitee|limited liability company)\b/],
  ['SA', /\b(sa|societe anonyme|public limited company)\b/],
  // The EIRL was merged into the EI in 2022; a micro-entrepreneur is an EI too.
  [
    'EI',
    /\b(ei|eirl|entreprise individuelle|entrepreneur individuel|auto ?entrepreneur|micro ?entrepr\w*|sole (trader|proprietor\w*))\b/,
  ],
  [
    'other',
    /\b(autres?|other|sci|selarl|selas|selafa|sca|scs|scic|gie|sem|spl|association|societe civile|gaec|earl)\b/,
  ],
];

/** A SCOP is often a SARL or a SAS: said together, the SCOP is the answer. */
export const LEGAL_FORM_RULES: ChoiceRules<LegalForm> = {
  wins: { SCOP: ['SARL', 'SAS', 'SA'] },
};

export const PROJECT_TYPES = ['development', 'creation', 'takeover'] as const;
export const PROJECT_TYPE_PATTERNS: Patterns<(typeof PROJECT_TYPES)[number]> = [
  [
    'development',
    /\b(develop\w*|croissance|extension|investi\w*|agrandi\w*|nouvelle ligne|nouvel atelier|nouveau site|nouveau batiment|expansion|growth)\b/,
  ],
  [
    'creation',
    /\b(creat\w*|creer|cree\w*|lancer|lance\w*|demarr\w*|nouvelle entreprise|mont\w* (ma|mon|une|notre) (boite|societe|entreprise|affaire|activite)|start\w*)\b/,
  ],
  ['takeover', /\b(repri\w*|repren\w*|reprendre|rachat\w*|rachet\w*|transmission|takeover|buy\w*)\b/],
];

export const PROCEEDINGS = ['none', 'safeguard', 'receivership', 'liquidation'] as const;
/** "Non, pas de liquidation" is none: the plain answers are read first. */
export const PROCEEDINGS_PATTERNS: Patterns<(typeof PROCEEDINGS)[number]> = [
  [
    'none',
    /^(aucune?|non|nan|nope|rien|none|no|jamais|never)\b|\b(aucune procedure|pas de procedure|rien de tout ca|no proceedings)\b/,
  ],
  ['safeguard', /\b(sauvegarde|safeguard)\b/],
  ['receivership', /\b(redressement|receivership)\b/],
  ['liquidation', /\bliquidation\b/],
];

/** "Pas de redressement": none. A procedure named in the past ("il y a 3 ans") is confirmed. */
export const PROCEEDINGS_RULES: ChoiceRules<(typeof PROCEEDINGS)[number]> = {
  negated: { safeguard: 'none', receivership: 'none', liquidation: 'none' },
  yesNo: { no: 'none' },
  past: /\b(a ete|avons ete|ete en|etions|etait|il y a \w+ ans?|sortie?s?|sort|sortons|sortent|termine\w*|clos\w*|ancien\w*|plus maintenant|n est plus|in the past|was|were)\b/,
};

export const GOOD_STANDING = ['yes', 'plan', 'no'] as const;
export const GOOD_STANDING_PATTERNS: Patterns<(typeof GOOD_STANDING)[number]> = [
  [
    'plan',
    /\b(echeancier|plan (de|d) (reglement|paiement|remboursement|apurement)|etal\w*|moratoire|delais? de paiement|payment plan)\b/,
  ],
  ['no', /\b(pas a jour|retards?|impayes?|non|nan|nope|no|pas vraiment|not up to date|behind)\b/],
  [
    'yes',
    /\b(oui|ouais|ouaip|yes|a jour|nickel|carre|en regle|regle|tout est paye|tout est ok|rien a signaler|aucune dettes?|pas de dettes?|sans dettes?|up to date|bien sur|tout a fait|absolument)\b/,
  ],
];
/** "Aucun retard" is up to date, "pas à jour" is not; a payment plan wins over the debts it spreads. */
export const GOOD_STANDING_RULES: ChoiceRules<(typeof GOOD_STANDING)[number]> = {
  negated: { no: 'yes', yes: 'no', plan: 'yes' },
  yesNo: { yes: 'yes', no: 'no' },
  wins: { plan: ['no'] },
};

export const AID_TYPES = ['financial', 'advice', 'mentoring'] as const;
export type AidType = (typeof AID_TYPES)[number];
export const AID_TYPE_PATTERNS: Patterns<AidType> = [
  ['financial', /\b(financ\w*|avances?|pret|argent|remboursable|tresorerie|money|loan|advance|funding)\b/],
  ['advice', /\b(conseils?|conseiller|expert\w*|consultant\w*|consulting|diagnostic|advice|advisory)\b/],
  ['mentoring', /\b(tutorat|tuteurs?|tutrices?|mentor\w*|parrain\w*|tutoring|coaching)\b/],
];

export const MENTORING_NEEDS = ['hr', 'production', 'quality', 'sales', 'finance', 'other'] as const;
export type MentoringNeed = (typeof MENTORING_NEEDS)[number];
export const MENTORING_NEED_PATTERNS: Patterns<MentoringNeed> = [
  [
    'hr',
    /\b(rh|ressources humaines|recrut\w*|management|manageri\w*|formations?|competences|equipes?|human resources|hr|recruit\w*|training|staff)\b/,
  ],
  [
    'production',
    /\b(production|produire|industriali\w*|process\w*|procedes?|methodes|lean|ateliers?|fabrication|usine|logistique|achats?|maintenance|manufacturing|supply chain|purchasing)\b/,
  ],
  ['quality', /\b(qualite|certifi\w*|iso|normes?|hse|securite|quality|safety)\b/],
  [
    'sales',
    /\b(commerci\w*|ventes?|vendre|marketing|export\w*|clients?|prospection|communication|sales|selling|customers?)\b/,
  ],
  ['finance', /\b(financ\w*|gestion|comptab\w*|tresorerie|budget\w*|accounting)\b/],
  ['other', /\b(autres?|other|informatique|numerique|digital|juridique|strategie|innovation|recherche|it)\b/],
];

/** Document keys come from the settings; these are the words for the default list. */
export const DOCUMENT_PATTERNS: Patterns<string> = [
  [
    'kbis',
    /\b(kbis|k bis|extrait k|registre du commerce|rcs|immatriculation|registration|certificate of incorporation)\b/,
  ],
  [
    'balanceSheets',
    /\b(bilans?|comptes annuels|liasses?|balance sheets?|financial statements|annual accounts)\b/,
  ],
  ['urssafCertificate', /\b(urssaf|attestations? sociales?|vigilance|social security)\b/],
  ['taxCertificate', /\b(attestations? fiscales?|regularite fiscale|impots?|tax\w*|dgfip)\b/],
  ['rib', /\b(rib|iban|releve d identite bancaire|coordonnees bancaires|bank details)\b/],
];
export const DOCUMENTS_LATER =
  /\b(plus tard|later|aucune?|rien|pas encore|pas maintenant|ulterieurement|enverrai|none|not yet|nothing)\b/;

export const ALL_OF_THEM = /\b(les trois|les 3|tous|toutes|tout|l ensemble|all|everything|both)\b/;

/** Negation reaches only the term right after it: "pas de financement, juste du conseil". */
const NEGATION = /\b(sauf|sans|hormis|excepte|pas|ni|manque\w*|except|without|not|no)\b/;
/** Said after a term, within its clause: "le kbis pas encore", "les bilans faut que je demande". */
const NEGATION_AFTER =
  /^\W*\b(pas|non|manque\w*|a demander|faut que je|il faut que je|je dois|je sais pas|je ne sais pas|attends?|plus tard|a venir|pas encore|not yet|later)\b/;
/** Said of a term further on in its clause: "les bilans, le comptable me les envoie demain". */
const PENDING_AFTER =
  /\b(envoi\w*|enverr\w*|demain|bientot|attend\w*|a demander|faut que|je dois|manque\w*|a venir|plus tard|pas encore|not yet|later|tomorrow)\b/;
/** "le Kbis, le reste plus tard": what is pending is the rest, not the term. */
const THE_REST = /\b(le reste|les autres|the rest|the others)\b/;
/** Words that end a clause: what follows belongs to the next term. */
const CLAUSE_END = /;|\b(mais|et|ou|but|and|or)\b/;
/** "Il me manque le Kbis", "tout sauf": what is named is excluded from everything. */
const MISSING = /\b(manque\w*|sauf|hormis|excepte|a part|except|missing)\b/;

export interface ManyPicked<V extends string> {
  values: V[];
  /** Something was excluded ("tout sauf le tutorat"). */
  negated: boolean;
}

/**
 * Several answers in one sentence: "financier et tutorat", "conseil, tutorat", "les trois", "tout sauf le
 * tutorat", "le RIB oui, le Kbis pas encore", "il me manque le Kbis". "Tous/les trois" counts only when no
 * specific answer is named ("tout le conseil" is advice). Values come back in the order of `terms`;
 * `everything` is what "all" means.
 */
export function pickMany<V extends string>(
  text: string,
  terms: Patterns<V>,
  everything: readonly V[],
): ManyPicked<V> {
  const folded = foldWords(text);
  const hits: { value: V | 'all'; start: number; end: number }[] = [];
  for (const [value, pattern] of [...terms, ['all', ALL_OF_THEM] as const]) {
    for (const match of folded.matchAll(new RegExp(pattern.source, 'g'))) {
      hits.push({ value, start: match.index, end: match.index + match[0].length });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const included = new Set<V | 'all'>();
  const excluded = new Set<V | 'all'>();
  let previousEnd = 0;
  hits.forEach((hit, i) => {
    const before = folded.slice(previousEnd, hit.start);
    const nextStart = hits[i + 1]?.start ?? folded.length;
    const after = folded.slice(hit.end, nextStart).split(CLAUSE_END)[0];
    const pending = PENDING_AFTER.test(after) && !THE_REST.test(after);
    const negated = NEGATION.test(before) || NEGATION_AFTER.test(after) || pending;
    (negated ? excluded : included).add(hit.value);
    previousEnd = Math.max(previousEnd, hit.end);
  });
  for (const value of excluded) included.delete(value);
  const specific = terms.map(([value]) => value).filter((value) => included.has(value));
  const missingOnly = specific.length === 0 && excluded.size > 0 && MISSING.test(folded);
  const chosen = specific.length > 0 ? specific : included.has('all') || missingOnly ? [...everything] : [];
  return { values: chosen.filter((value) => !excluded.has(value)), negated: excluded.size > 0 };
}
