/**
 * A correction asked at a question ("modifier le chiffre d'affaires", "je me suis trompé sur la commune"), read
 * on the folded text of a whole message. The target names one answer, by the words owners use; it is found in
 * the eligibility check (`turnover`) or in the application (`company.turnover`), whichever is running.
 */

/** The words for each answer, and the keys it has in the eligibility check and in the application file. */
const TARGETS: [RegExp, string[]][] = [
  [/^(adresse )?(e ?mail|courriel|adresse electronique|mail)$|^email( address)?$/, ['contact.email']],
  [/^(numero de )?(telephone|portable|tel)$|^numero$|^(phone|phone number)$/, ['contact.phone']],
  [/^prenom$|^first name$/, ['contact.firstName']],
  [/^nom de famille$|^last name$|^surname$/, ['contact.lastName']],
  [/^(fonction|role|poste)$|^role$/, ['contact.role']],
  [
    /^(commune|ville|localisation|lieu|code postal|commune de l etablissement)$|^(town|city|postcode|postal code)$/,
    ['commune', 'company.commune'],
  ],
  [/^adresse( de l etablissement)?$|^address$/, ['company.address', 'commune']],
  [
    /^(effectifs?|nombre de salaries|salaries|employes|nombre d employes)$|^(headcount|staff|number of employees)$/,
    ['headcount', 'company.headcount'],
  ],
  [/^(chiffre d affaires|ca)$|^turnover$/, ['turnover', 'company.turnover']],
  [/^(total (de |du )?bilan|bilan)$|^balance sheet( total)?$/, ['balanceSheet', 'company.balanceSheet']],
  [
    /^(secteur( d activite)?|activite|code (naf|ape)|naf|ape)$|^(sector|activity|naf code)$/,
    ['sector', 'company.nafCode'],
  ],
  [/^(emplois?|nombre d emplois|emplois crees|cdi)$|^jobs?$/, ['jobs', 'project.jobsCreated']],
  [/^emplois maintenus$|^jobs kept$/, ['project.jobsKept']],
  [
    /^((l )?attestation( sur l honneur)?|declarations?( sur l honneur)?)$|^(declarations?|attestation)$/,
    ['declarations'],
  ],
  [/^(procedures?( collectives?)?)$|^(collective )?proceedings$/, ['proceedings', 'company.proceedings']],
  [/^((aides? )?de minimis|minimis)$|^de minimis( aid)?$/, ['deMinimis', 'company.deMinimisReceived']],
  [
    /^(independance|capital|actionnariat|detention( du capital)?)$|^(independence|ownership)$/,
    ['independent', 'company.independent'],
  ],
  [/^(type de projet|nature du projet|type du projet)$|^project type$/, ['projectType', 'project.type']],
  [/^(description( du projet)?|projet)$|^(project( description)?|description)$/, ['project.description']],
  [
    /^(obligations( fiscales( et sociales)?)?|situation fiscale( et sociale)?|urssaf)$|^(tax|good standing)$/,
    ['goodStanding', 'company.goodStanding'],
  ],
  [
    /^(nom( de l entreprise| de la societe)?|raison sociale|denomination)$|^(company )?name$/,
    ['company.name'],
  ],
  [/^(siret|siren|numero siret)$/, ['company.siret']],
  [/^(forme juridique|statut juridique|statut)$|^legal form$/, ['company.legalForm']],
  [/^date de creation$|^creation date$/, ['company.creationDate']],
  [
    /^(cout( total)?( du projet)?|investissement|budget)$|^(investment|project cost|total cost)$/,
    ['project.investment'],
  ],
  [
    /^(montant( demande| sollicite| de l avance)?|avance( demandee)?|somme demandee)$|^(amount( requested)?|advance)$/,
    ['project.amountRequested'],
  ],
  [/^(volets?|types? d aide|aides demandees)$|^(support|aid types)$/, ['project.aidTypes']],
  [/^date de (demarrage|debut)$|^start date$/, ['project.startDate']],
];

const POSSESSIVE = '(le |la |l |les |mon |ma |mes |notre |nos |the |my |our )?';
const POLITE = '( svp| s il vous plait| stp| please| merci)?';
const ASK =
  '(je (veux|voudrais|souhaite|souhaiterais|dois|vais|peux)|j aimerais|il faut|puis je|est ce que je peux|pouvez vous|on peut|peut on|i want to|i d like to|i would like to|can i|let me|please)';
const FORMS: RegExp[] = [
  new RegExp(
    `^(${ASK} )?(modifier|corriger|changer|rectifier|revoir)( (ma|la) reponse (sur|pour|a|de|concernant))? ${POSSESSIVE}(?<target>.+?)${POLITE}$`,
  ),
  new RegExp(`^(${ASK} )?(change|correct|edit|fix|modify|amend) ${POSSESSIVE}(?<target>.+?)${POLITE}$`),
  new RegExp(
    `^je me suis trompee?s? (sur|pour|dans|de|a|en donnant|concernant) ${POSSESSIVE}(?<target>.+?)$`,
  ),
  new RegExp(`^(il y a une |une )?(erreur|faute) (sur|dans|de|pour|a) ${POSSESSIVE}(?<target>.+?)$`),
  new RegExp(`^i made a (mistake|typo) (on|in|with|for) ${POSSESSIVE}(?<target>.+?)$`),
  new RegExp(
    `^${POSSESSIVE}(?<target>.+?) (est faux|est fausse|est incorrecte?|n est pas bonne?|est erronee?|n est pas juste|is wrong)$`,
  ),
];
/** A correction without a target: the answer just given ("je me suis trompé") is the one to take again. */
const LAST_ANSWER =
  /^(je me suis trompee?s?|je me suis trompee?s? de reponse|erreur|oups|zut je me suis trompee?|(je veux |je voudrais )?(modifier|corriger|changer) ma (derniere )?reponse|i made a mistake|wrong answer|(change|correct) my (last )?answer)$/;

/**
 * The answer keys a correction names, most likely first; an empty list means "the answer just given"; null when
 * the message is no correction (or names nothing known, so that "modifier notre ligne de production", typed as
 * a project description, stays one).
 */
export function detectCorrection(key: string): string[] | null {
  if (LAST_ANSWER.test(key)) return [];
  for (const form of FORMS) {
    const match = form.exec(key);
    if (!match) continue;
    const target = match.groups?.target ?? '';
    const keys = TARGETS.find(([pattern]) => pattern.test(target))?.[1];
    if (keys) return keys;
  }
  return null;
}
