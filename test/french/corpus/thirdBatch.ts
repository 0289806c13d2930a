import { c, table, v, type CorpusCase } from '../corpusTypes.js';

/**
 * A third batch of wordings, probed after the second one was fixed (see docs/benchmarks.md for what it
 * showed before its own fixes).
 */
const w = { 'project.type': 'development', 'company.headcount': 15 };
const dev = { 'project.type': 'development' };
const held = { 'company.independent': false };

export const THIRD_BATCH: CorpusCase[] = [
  ...table('company.turnover', [
    ['1 million 5', v(1_500_000), w],
    ['2 millions 3', v(2_300_000), w],
    ['deux millions', v(2_000_000), w],
    ['1,5 millions €', v(1_500_000), w],
    ['2 400 000 euros HT en 2025', v(2_400_000), w],
    ['on a fini 2025 à 1,9 M€', v(1_900_000), w],
    ['CA: 2.4M', v(2_400_000), w],
    ['on est à 3 millions d’euros', v(3_000_000), w],
    ['3500000€', v(3_500_000), w],
    ['pas de CA encore', v(0), { 'project.type': 'creation' }],
    ['un peu plus de 2 M€', c(2_000_000), w],
    ['ça tourne autour de 2,5 M', c(2_500_000), w],
    ['2.4', c(2_400_000), w],
    ['300', c(300_000), w],
    ['1 200 000 ou 1 300 000', 'confirm', w],
  ]),
  ...table('company.headcount', [
    ['quinze', v(15), dev],
    ['15 dont 2 en alternance', v(15), dev],
    ['15 (ETP)', v(15), dev],
    ['15 personnes en 2025', v(15), dev],
    ['j’ai 15 salariés', v(15), dev],
    ['15 salariés + 3 intérimaires', 'confirm', dev],
    ['nous sommes une quinzaine', c(15), dev],
    ['moi tout seul', 'ask', dev],
  ]),
  ...table('project.jobsCreated', [
    ['3 CDI à temps plein', v(3), dev],
    ['2 techniciens, 1 commercial', v(3), dev],
    ['deux postes en 2027 et un en 2028', v(3), dev],
    ['un ou deux', 'confirm', dev],
    ['au moins 3', c(3), dev],
  ]),
  ...table('company.independent', [
    ['non, nous sommes indépendants', v(true)],
    ['oui, le groupe X détient 70 %', v(false)],
    ['non, à part les associés fondateurs', v(true)],
  ]),
  ...table('company.goodStanding', [
    ['on est carré', v('yes')],
    ['rien à signaler', v('yes')],
    ['on a un petit retard sur la TVA', v('no')],
    ['plan d’étalement avec l’URSSAF en cours', v('plan')],
    ['oui oui', v('yes')],
  ]),
  ...table('company.proceedings', [
    ['pas du tout', v('none')],
    ['aucune procédure en cours', v('none')],
    ['redressement', v('receivership')],
    ['non, plus depuis 2020', v('none')],
    ['on sort d’une sauvegarde', 'confirm'],
  ]),
  ...table('project.type', [
    ['extension de l’usine', v('development')],
    ['reprise de la société de mon père', v('takeover')],
    ['je crée ma boite', v('creation')],
    ['on rachète un atelier', v('takeover')],
    ['création d’un nouvel atelier', 'confirm'],
  ]),
  ...table('documents', [
    ['j’ai le kbis et les bilans mais pas le rib', v(['kbis', 'balanceSheets'])],
    ['rien pour l’instant', v([])],
    ['je les ai toutes', v(['kbis', 'balanceSheets', 'urssafCertificate', 'taxCertificate', 'rib'])],
    ['juste le rib', v(['rib'])],
    ['le kbis, le rib et l’attestation fiscale', v(['kbis', 'taxCertificate', 'rib'])],
  ]),
  ...table('company.commune', [
    ['Alès centre', v({ inseeCode: '30007' })],
    ['Saint-Christol-lès-Alès', v({ inseeCode: '30243' })],
    ['30380', v({ inseeCode: '30243' })],
    ['La Grand Combe (30110)', v({ inseeCode: '30132' })],
  ]),
  ...table('company.creationDate', [
    ['12 mai 2018', v('2018-05-12'), dev],
    ['depuis le 12 mai 2018', v('2018-05-12'), dev],
    ['créée en mars 2018', c('2018-03-01'), dev],
  ]),
  ...table('project.startDate', [
    ['01/02/2027', v('2027-02-01'), dev],
    ['janvier 2027', c('2027-01-01'), dev],
    ['déjà commencé en septembre', c('2026-09-01'), dev],
  ]),
  ...table('company.groupShare', [
    ['70 %', v(70), held],
    ['soixante-dix pour cent', v(70), held],
  ]),
  ...table('company.deMinimisReceived', [
    ['une subvention de 5000 € en 2023', v(5_000), w],
    ['non aucune', v(0), w],
    ['0 €', v(0), w],
  ]),
  ...table('eligibility.sector', [
    ['on fabrique des pièces pour l’aéronautique', v({ category: 'industry' })],
    ['boulangerie-pâtisserie', v({ nafCode: '10.71C' })],
    ['plomberie chauffage', v({ category: 'construction' })],
    ['entreprise de BTP', v({ category: 'construction' })],
    ['vente en ligne de vêtements', v({ category: 'commerce' })],
    ['conseil en informatique', 'confirm'],
    ['garage', 'ask'],
  ]),
  ...table('company.nafCode', [
    ['25.62 B', v('25.62B'), dev],
    ['25-62B', v('25.62B'), dev],
  ]),
  ...table('company.siret', [['732 829 320 000 74', v('73282932000074'), dev]]),
];
