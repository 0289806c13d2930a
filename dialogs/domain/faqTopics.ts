/**
 * The owners' own questions ("c'est quoi le de minimis ?", "combien je peux demander ?"), recognised on the
 * folded text of a whole message (`commandKey`: lower case, no accents, punctuation as spaces). Pure data and
 * functions: the answers' sentences are in locales/<lang>/talk.json, their figures in the programme settings.
 */
export const FAQ_TOPICS = [
  'deMinimis',
  'proceedings',
  'amount',
  'decider',
  'committee',
  'loanOrGrant',
  'support',
  'advance',
  'advice',
  'mentoring',
  'sme',
  'naf',
  'siret',
  'balanceSheet',
  'turnover',
  'headcount',
  'independence',
  'goodStanding',
  'jobs',
  'call',
  'territory',
  'declarations',
] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];

/** How sure a reading is: a strong form is a question whatever is asked; a weak one yields to a real answer. */
export type Strength = 'strong' | 'weak';

/** The words that name each topic, as they are written in a definition question ("c'est quoi <term> ?"). */
const TERMS: [FaqTopic, string][] = [
  ['deMinimis', '(aides? )?de minimis( aids?)?|minimis'],
  [
    'proceedings',
    'procedures? collectives?|redressement( judiciaire)?|liquidation( judiciaire)?|(procedure de )?sauvegarde|collective proceedings?|receivership',
  ],
  [
    'advance',
    'avance( remboursable)?( a taux zero)?|pret a taux zero|taux zero|(zero interest )?repayable advance',
  ],
  ['advice', '(volet |accompagnement |journees? de )conseil|advice( days)?'],
  ['mentoring', 'tutorat|parrainage|mentoring'],
  ['decider', 'comite( d agrement)?|approval committee|committee'],
  ['sme', 'pme|sme'],
  ['naf', 'code (naf|ape)|naf|ape|naf code'],
  ['siret', '(numero )?(siret|siren)'],
  ['balanceSheet', 'total (de |du )?bilan|bilan|balance sheet( total)?'],
  ['turnover', 'chiffre d affaires|ca|turnover'],
  ['headcount', 'effectifs?|headcount'],
  [
    'independence',
    'entreprises? (liees?|independantes?|partenaires?)|independance|linked compan(y|ies)|independence',
  ],
  [
    'goodStanding',
    '(etre )?a jour (de ses |des |de mes |de nos )?obligations( fiscales( et sociales)?)?|obligations fiscales( et sociales)?|attestations? (urssaf|fiscales?)|good standing',
  ],
  ['support', 'volets?|aliz\\w* (volets?|aides?)'],
  [
    'declarations',
    'attestation( sur l honneur)?|declarations? sur l honneur|sworn statement|declarations? on (my |your |our )?hono(u)?r',
  ],
];

const ARTICLE = '(le |la |l |les |un |une |des |du |d |a |an |the )?';
/** "c'est quoi", "qu'est-ce que", "que veut dire"…, then the term. */
const ASKING =
  '(mais |et |alors |euh |bonjour |svp )?(c est quoi|c quoi|qu est ce que c est que|qu est ce que c est|qu est ce que|qu est ce qu|que veut dire|que signifie|ca veut dire quoi|ca signifie quoi|definition( de| du| d)?|expliquez moi|expliquez|explique moi|pouvez vous m expliquer|vous pouvez m expliquer|je ne sais pas ce qu est|je ne sais pas ce que c est que|je ne sais pas ce que veut dire|what is|what s|what are|what does|explain)';
const AFTER =
  '( c est quoi| ca veut dire quoi| qu est ce que c est| ca signifie quoi| exactement| au juste| svp| s il vous plait| stp| mean| means| exactly| please)*';

const definition = (term: string) => new RegExp(`^${ASKING} ${ARTICLE}(${term})${AFTER}$`);
const termFirst = (term: string) =>
  new RegExp(`^${ARTICLE}(${term}) (c est quoi|ca veut dire quoi|qu est ce que c est|ca signifie quoi)$`);
const bare = (term: string) => new RegExp(`^${ARTICLE}(${term})$`);

/** Questions that are not definitions: how much, who, when, loan or grant… (checked before the terms). */
const QUESTIONS: [FaqTopic, RegExp][] = [
  [
    'amount',
    /^(et |mais |alors )?(combien|quel montant|quelle somme|jusqu a combien|a combien)( d argent| d euros)?( est ce que)?( (je|j|on|nous) (peux|peut|pouvons|pourrais|pourrait|pourrions))?( puis je| peut on| pouvons nous| pourrais je| pourrait on)?( (demander|obtenir|avoir|emprunter|solliciter|toucher|recevoir)| ai je droit| a t on droit| avons nous droit)\b.*$|^(quel est )?(le )?montant (maximum|maximal|max|minimum|minimal|min)\b.*$|^how much (can|could|may) (i|we) (ask|get|request|apply|borrow|receive)\b.*$|^what is the (maximum|minimum) amount\b.*$/,
  ],
  [
    'decider',
    /^(et |mais |alors )?qui (decide|prend la decision|prend les decisions|valide|accorde|choisit|tranche|donne la reponse|examine)\b.*$|^who (decides|makes the decision|approves|reviews)\b.*$/,
  ],
  [
    'committee',
    /^(et |mais |alors )?(quand|a quelle date|quelle date|quel jour|c est quand)\b.*\bcomite\b.*$|^(la )?date du (prochain )?comite.*$|^(le )?prochain comite( d agrement)?( c est quand| est quand| se reunit quand)?$|^when\b.*\bcommittee\b.*$|^next committee.*$/,
  ],
  [
    'loanOrGrant',
    /^(et |mais |alors )?(c est |est ce |est ce que c est |ca sera |il s agit d )?(un |une )?(pret|avance)( remboursable)? ou (une |un )?(subvention|don|aide)( a rembourser| non remboursable)?$|^(et |mais |alors )?(c est |est ce |est ce que c est )?(une )?subvention ou (un |une )?(pret|avance)( remboursable)?$|^(est ce une subvention|c est une subvention)$|^(faut il|doit on|dois je|devons nous|est ce qu il faut|il faut) (le |la |les )?rembourser.*$|^(est ce que c est |c est |est ce )?remboursable$|^(y a t il|il y a) des interets$|^(quel est le |quel )taux( d interet)?$|^is it a (loan|grant)( or a (loan|grant))?$|^do (i|we) have to (pay|repay) (it )?back$/,
  ],
  [
    'call',
    /^(jusqu a quand|quelle est la date limite|date limite|quand (se termine|ferme|finit|s acheve|cloture|ouvre|commence) (l appel|le prochain appel|les candidatures))\b.*$|^(what is the |when is the )?deadline\b.*$|^until when\b.*$/,
  ],
  [
    'support',
    /^(quelles|quels) (sont les )?(aides|volets|soutiens|types d aide)\b.*$|^qu est ce que (je peux|j peux|on peut|nous pouvons) (obtenir|avoir|demander)$|^what (support|help) can (i|we) (get|ask for)$/,
  ],
  [
    'territory',
    /^(quelles|quelles sont les) communes\b.*$|^(quel|quel est le) territoire\b.*$|^(ou|dans quelles communes) (s applique|est) aliz\w*$|^which (communes|towns|area)\b.*$/,
  ],
  ['jobs', /^(quels|quel type d) emplois? (comptent|compte|sont pris en compte)$|^which jobs count$/],
];

/** Compiled once: a definition question on each term, the term first or last, and the bare term. */
const ASKED_TERMS: [FaqTopic, RegExp][] = TERMS.map(([topic, term]) => [
  topic,
  new RegExp(`${definition(term).source}|${termFirst(term).source}`),
]);
const BARE_TERMS: [FaqTopic, RegExp][] = TERMS.map(([topic, term]) => [topic, bare(term)]);

/**
 * The topic of an owner's question, or null. `asked`: the message ended with "?" (a bare term then reads as a
 * question: "de minimis ?"). Whole messages only, so a sentence that merely mentions a term stays an answer.
 */
export function detectFaqTopic(key: string, asked: boolean): { topic: FaqTopic; strength: Strength } | null {
  if (key === '') return null;
  for (const [topic, pattern] of QUESTIONS) if (pattern.test(key)) return { topic, strength: 'strong' };
  for (const [topic, asking] of ASKED_TERMS) if (asking.test(key)) return { topic, strength: 'strong' };
  if (!asked) return null;
  for (const [topic, term] of BARE_TERMS) if (term.test(key)) return { topic, strength: 'weak' };
  return null;
}

/** The topic that explains a question of the check or the application ("je ne comprends pas la question"). */
const QUESTION_TOPICS: Record<string, FaqTopic> = {
  commune: 'territory',
  'company.commune': 'territory',
  headcount: 'headcount',
  'company.headcount': 'headcount',
  turnover: 'turnover',
  'company.turnover': 'turnover',
  balanceSheet: 'balanceSheet',
  'company.balanceSheet': 'balanceSheet',
  sector: 'naf',
  'company.nafCode': 'naf',
  'company.siret': 'siret',
  jobs: 'jobs',
  'project.jobsCreated': 'jobs',
  'project.jobsKept': 'jobs',
  proceedings: 'proceedings',
  'company.proceedings': 'proceedings',
  deMinimis: 'deMinimis',
  'company.deMinimisReceived': 'deMinimis',
  independent: 'independence',
  'company.independent': 'independence',
  goodStanding: 'goodStanding',
  'company.goodStanding': 'goodStanding',
  declarations: 'declarations',
  'project.aidTypes': 'support',
  'project.amountRequested': 'amount',
  'project.mentoringNeeds': 'mentoring',
};

export function topicOfQuestion(questionKey: string): FaqTopic | undefined {
  return QUESTION_TOPICS[questionKey];
}
