/**
 * A complete, consistent application typed the way an owner would, for a company that did not take the
 * eligibility check first. Each entry is [answer, what it should store under its DOMAIN.md key]. The tests
 * answer it by question id (ELIGIBLE_COMPANY_FILE, fillApplication in answerBook.ts), never by position: a new
 * field is one line here, wherever the form asks it.
 */
export const FULL_APPLICATION: [string, string, unknown][] = [
  ['Développement', 'project.type', 'development'],
  // The legal form comes with the name, and the commune with the address: neither is asked on its own.
  ['Mécanique Cévenole SAS', 'company.name', 'Mécanique Cévenole'],
  ['732 829 320 00074', 'company.siret', '73282932000074'],
  ['SAS', 'company.legalForm', 'SAS'],
  ['12/03/2015', 'company.creationDate', '2015-03-12'],
  ['25.62B', 'company.nafCode', '25.62B'],
  ['12 rue de la République, 30100 Alès', 'company.address', '12 rue de la République'],
  ['30100 Alès', 'company.postalCode', '30100'],
  ['nous sommes douze', 'company.headcount', 12],
  ['1 200 000 €', 'company.turnover', 1_200_000],
  // Not asked: a turnover within the ceiling settles the SME test.
  ['900 000 €', 'company.balanceSheet', undefined],
  ['non', 'company.independent', true],
  ['aucune', 'company.proceedings', 'none'],
  ['oui', 'company.goodStanding', 'yes'],
  ['aucune', 'company.deMinimisReceived', 0],
  [
    'Nous voulons acheter un centre d’usinage cinq axes pour produire des pièces aéronautiques en série.',
    'project.description',
    'Nous voulons acheter un centre d’usinage cinq axes pour produire des pièces aéronautiques en série.',
  ],
  // The advance's amount with the volets, the jobs kept with the jobs created, the amount with the loan.
  ['une avance de 30 000 € et du conseil', 'project.aidTypes', ['financial', 'advice']],
  ['30 000 €', 'project.amountRequested', 30_000],
  ['3 créés et 2 maintenus', 'project.jobsCreated', 3],
  ['2', 'project.jobsKept', 2],
  ['fin mars 2027', 'project.startDate', '2027-03-31'],
  ['250 000 €', 'project.investment', 250_000],
  [
    'prêt bancaire du Crédit Agricole de 220 000 €',
    'project.otherFinancing',
    'prêt bancaire du Crédit Agricole de 220 000 €',
  ],
  // The project's cost adds up: 250 000 € = the advance (30 000 €) + the other financing (220 000 €).
  ['220 000 €', 'project.otherFinancingAmount', 220_000],
  // "Oui" to "Êtes-vous l’interlocuteur du comité ?" acknowledges the notice shown with it.
  ['oui', 'contact.isInterlocutor', true],
  ["J'ai pris connaissance de ces informations", 'notice.acknowledgedAt', undefined],
  ['Marie Dupont, gérante', 'contact.firstName', 'Marie'],
  ['Dupont', 'contact.lastName', 'Dupont'],
  ['gérante', 'contact.role', 'gérante'],
  ['marie.dupont@exemple.fr, 06 12 34 56 78', 'contact.email', 'marie.dupont@exemple.fr'],
  ['06 12 34 56 78', 'contact.phone', '+33612345678'],
];
