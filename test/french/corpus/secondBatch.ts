import { c, table, v, type CorpusCase } from '../corpusTypes.js';

/**
 * A second batch, written after the readers were built and measured before any change (see
 * docs/benchmarks.md): other wordings of the same kinds, to check the readers are general.
 */
const workshop = { 'project.type': 'development', 'company.headcount': 8 };
const dev = { 'project.type': 'development' };
const financial = {
  ...workshop,
  'company.turnover': 900_000,
  'project.aidTypes': ['financial'],
  'project.investment': 120_000,
};

export const SECOND_BATCH: CorpusCase[] = [
  ...table('company.turnover', [
    ['environ 950 000 euros', c(950_000), workshop],
    ['on a fait 1 100 000 € l’année dernière', v(1_100_000), workshop],
    ['CA 2025 = 980 k€', v(980_000), workshop],
    ['chiffre d’affaires : 1,05 M€', v(1_050_000), workshop],
    ['un million', v(1_000_000), workshop],
    ['deux millions cinq', v(2_500_000), workshop],
    ['un million huit', v(1_800_000), workshop],
    ['1.5M€', v(1_500_000), workshop],
    ['1 million 200 mille', v(1_200_000), workshop],
    ['750', c(750_000), workshop],
    ['2,2', c(2_200_000), workshop],
    ['on existe depuis 2018', 'ask', workshop],
    ['créée en 2020, on fait 600 000 €', v(600_000), workshop],
    ['600 000 € en 2025 et on vise 800 000 € en 2026', 'confirm', workshop],
    ['entre 1 et 1,2 million', 'confirm', workshop],
    ['1,2 M$', 'ask', workshop],
    ['bof', 'ask', workshop],
  ]),
  ...table('project.investment', [
    ['350 000 € HT', v(350_000), financial],
    ['la ligne coûte 1,2 million', v(1_200_000), financial],
    ['480', c(480_000), financial],
    ['à peu près 300k', c(300_000), financial],
  ]),
  ...table('project.amountRequested', [
    ['40 000 €', v(40_000), financial],
    ['40', c(40_000), financial],
    ['quarante mille', v(40_000), financial],
    ['le plafond', 'ask', financial],
  ]),
  ...table('company.deMinimisReceived', [
    ['zéro', v(0), workshop],
    ['aucune aide', v(0), workshop],
    ['8 000 € de la Région en 2024', v(8_000), workshop],
    ['non, sauf un prêt d’honneur de 10 000 €', 'confirm', workshop],
  ]),
  ...table('company.headcount', [
    ['huit salariés', v(8), dev],
    ['8 + 2 apprentis', 'confirm', dev],
    ['on est 8 en tout', v(8), dev],
    ['nous sommes 8 dont 1 apprenti', v(8), dev],
    ['8 personnes depuis 2021', v(8), dev],
    ['une vingtaine', c(20), dev],
    ['entre 8 et 10', 'confirm', dev],
    ['8 ou 9', 'confirm', dev],
  ]),
  ...table('project.jobsCreated', [
    ['deux soudeurs et un chef d’équipe', v(3), dev],
    ['1 cdi + 1 alternant', v(2), dev],
    ['trois postes', v(3), dev],
    ['3 emplois d’ici 2027', v(3), dev],
    ['3, voire 4', 'confirm', dev],
    ['deux ou trois', 'confirm', dev],
  ]),
  ...table('company.independent', [
    ['non, c’est une entreprise familiale', v(true)],
    ['non aucune', v(true)],
    ['nope, indépendants', v(true)],
    ['oui à 51 %', v(false)],
    ['oui, 30 %', v(false)],
    ['oui mais moins de 10 %', 'confirm'],
    ['non enfin je crois', 'confirm'],
  ]),
  ...table('company.goodStanding', [
    ['oui tout est ok', v('yes')],
    ['oui on est à jour', v('yes')],
    ['aucun impayé', v('yes')],
    ['on a des dettes fiscales en cours d’étalement', v('plan')],
    ['retard sur l’URSSAF', v('no')],
    ['non pas vraiment', v('no')],
    ['presque, il reste la CFE', 'ask'],
  ]),
  ...table('company.proceedings', [
    ['non jamais', v('none')],
    ['aucune, tout va bien', v('none')],
    ['en liquidation judiciaire', v('liquidation')],
    ['sortis de redressement en 2021', 'ask'],
    ['nous étions en sauvegarde mais c’est fini', 'ask'],
  ]),
  ...table('project.type', [
    ['on agrandit', v('development')],
    ['développement de l’activité export', v('development')],
    ['reprendre une menuiserie', v('takeover')],
    ['je monte ma boîte', v('creation')],
    ['création ou reprise, je ne sais pas encore', 'confirm'],
  ]),
  ...table('company.legalForm', [
    ['Sarl', v('SARL')],
    ['SAS au capital de 5 000 €', v('SAS')],
    ['une EURL', v('EURL')],
    ['micro-entreprise', v('EI')],
  ]),
  ...table('documents', [
    ['kbis + rib', v(['kbis', 'rib'])],
    ['j’ai le kbis, le reste plus tard', v(['kbis'])],
    ['tout sauf les bilans', v(['kbis', 'urssafCertificate', 'taxCertificate', 'rib'])],
    ['les bilans, le comptable me les envoie demain', 'confirm'],
  ]),
  ...table('company.commune', [
    ['St Jean du Gard', v({ inseeCode: '30269' })],
    ['ZI de Salindres', v({ inseeCode: '30305' })],
    ['30340 Salindres', v({ inseeCode: '30305' })],
    ['3 rue d’Anduze 30100 Alès', v({ inseeCode: '30007' })],
    ['Alès ou Saint-Christol', 'choose'],
  ]),
  ...table('company.siret', [
    ['SIRET : 603 945 122 90713', v('60394512290713'), dev],
    ['99999999999999', 'ask', dev],
  ]),
  ...table('company.nafCode', [
    ['NAF 25 62 B', v('25.62B'), dev],
    ['2562 B', v('25.62B'), dev],
    ['4399C ou 4391A', 'choose', dev],
  ]),
  ...table('eligibility.sector', [
    ['boulangerie artisanale', v({ nafCode: '10.71C' })],
    ['un garage automobile', 'ask'],
    ['chaudronnerie et un peu de négoce', v({ category: 'industry' })],
    ['informatique et conseil', 'confirm'],
  ]),
  ...table('company.creationDate', [
    ['le 4 avril 2017', v('2017-04-04'), dev],
    ['04/04/2017', v('2017-04-04'), dev],
    ['2017', 'ask', dev],
    ['avril 2017', 'confirm', dev],
    ['en septembre dernier', 'confirm', dev],
  ]),
  ...table('project.startDate', [
    ['le 1er avril 2027', v('2027-04-01'), dev],
    ['courant 2027', 'ask', dev],
    ['en juin', 'confirm', dev],
    ['on a commencé en septembre', c('2026-09-01'), dev],
  ]),
  ...table('contact.firstName', [
    ['Marc', v('Marc')],
    ['moi c’est Marc', v('Marc')],
  ]),
  {
    question: 'contact.firstName',
    text: 'Marc Dubois',
    expected: v('Marc'),
    also: { 'contact.lastName': 'Dubois' },
  },
  ...table('contact.lastName', [['Dubois', v('Dubois')]]),
];
