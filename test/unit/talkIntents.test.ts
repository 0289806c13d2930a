import { detectCorrection } from '../../dialogs/domain/correctionTargets.js';
import { detectFaqTopic } from '../../dialogs/domain/faqTopics.js';
import { salutationAt, salutationFor } from '../../dialogs/domain/salutation.js';
import {
  detectHumanRequest,
  detectLanguageRequest,
  detectQuestionHelp,
} from '../../dialogs/domain/talkRequests.js';
import { commandKey } from '../../dialogs/globalCommands.js';

const key = commandKey;

describe('requests typed in the middle of a question (folded whole messages)', () => {
  test.each([
    "je veux parler à quelqu'un de la CCI",
    'Je voudrais parler à un conseiller svp',
    'parler à un humain',
    "est-ce que je peux parler à quelqu'un ?",
    'pouvez-vous me rappeler ?',
    'un conseiller svp',
    'I would like to speak to an advisor',
  ])('"%s" asks for a person, surely', (text) => {
    expect(detectHumanRequest(key(text))).toBe('strong');
  });

  test.each(['conseiller', 'humain'])('"%s" alone may be an answer (a role): a weak reading', (text) => {
    expect(detectHumanRequest(key(text))).toBe('weak');
  });

  test.each([
    'Aide à domicile Cévennes',
    'je veux créer 3 emplois',
    'Nous voulons parler à nos clients de nos nouvelles pièces usinées en série',
    'Conseil et Formation Cévennes',
    '12',
  ])('"%s" is an answer, not a request for a person', (text) => {
    expect(detectHumanRequest(key(text))).toBeNull();
  });

  test.each([
    ["modifier le chiffre d'affaires", ['turnover', 'company.turnover']],
    ['je me suis trompé sur la commune', ['commune', 'company.commune']],
    ['Je me suis trompée de commune', ['commune', 'company.commune']],
    ["corriger l'adresse e-mail", ['contact.email']],
    ["je voudrais changer l'effectif", ['headcount', 'company.headcount']],
    ['le chiffre d’affaires est faux', ['turnover', 'company.turnover']],
    ['change the turnover', ['turnover', 'company.turnover']],
    ['je me suis trompé', []],
  ] as const)('"%s" corrects %p', (text, keys) => {
    expect(detectCorrection(key(text))).toEqual(keys);
  });

  test.each([
    'modifier notre ligne de production pour fabriquer des pièces aéronautiques',
    'je veux créer 3 emplois',
    'Modif Industrie SARL',
    'changer les machines',
  ])('"%s" is no correction', (text) => {
    expect(detectCorrection(key(text))).toBeNull();
  });

  test.each([
    ["c'est quoi le de minimis ?", 'deMinimis'],
    ["c'est quoi une procédure collective ?", 'proceedings'],
    ["qu'est-ce qu'une procédure collective", 'proceedings'],
    ['combien je peux demander ?', 'amount'],
    ['combien puis-je obtenir', 'amount'],
    ['qui décide ?', 'decider'],
    ['quand est le prochain comité ?', 'committee'],
    ["c'est un prêt ou une subvention ?", 'loanOrGrant'],
    ['est-ce une subvention ou un prêt ?', 'loanOrGrant'],
    ['faut-il le rembourser ?', 'loanOrGrant'],
    ['le code NAF, c’est quoi ?', 'naf'],
    ["c'est quoi le tutorat", 'mentoring'],
    ['jusqu’à quand peut-on déposer ?', 'call'],
    ['what is de minimis aid?', 'deMinimis'],
    ['how much can I ask for?', 'amount'],
  ] as const)('"%s" is an owner’s question about %s', (text, topic) => {
    expect(detectFaqTopic(key(text), text.trim().endsWith('?'))?.topic).toBe(topic);
  });

  test('a bare term is a question only with a question mark, and then a weak one', () => {
    expect(detectFaqTopic(key('de minimis ?'), true)).toEqual({ topic: 'deMinimis', strength: 'weak' });
    expect(detectFaqTopic(key('de minimis'), false)).toBeNull();
  });

  test.each([
    'je veux créer 3 emplois',
    'Aide à domicile Cévennes',
    'environ 30 000 €',
    'nous avons reçu 20 000 € de minimis en 2024',
    'aucune procédure collective',
    'combien de salariés',
    // Answers to the other financing: a loan or a gift, not a question.
    'un prêt bancaire ou un don de la famille',
    "je ne connais pas le chiffre d'affaires",
  ])('"%s" is no owner’s question', (text) => {
    expect(detectFaqTopic(key(text), text.endsWith('?'))).toBeNull();
  });

  test.each([
    ['en français svp', 'fr', 'strong'],
    ['in English please', 'en', 'strong'],
    ['parlez-moi en anglais', 'en', 'strong'],
    ['Can we speak English?', 'en', 'strong'],
    ['English', 'en', 'weak'],
    ['Français', 'fr', 'weak'],
  ] as const)('"%s" asks for %s (%s)', (text, locale, strength) => {
    expect(detectLanguageRequest(key(text))).toEqual({ locale, strength });
  });

  test.each(['Anglais Industrie', 'French Tech Alès', 'nous exportons en anglais et en français'])(
    '"%s" asks for no language',
    (text) => expect(detectLanguageRequest(key(text))).toBeNull(),
  );

  test.each([
    'je ne comprends pas la question',
    "je n'ai pas compris",
    "c'est-à-dire ?",
    "I don't understand",
  ])('"%s" asks for the question’s help', (text) => expect(detectQuestionHelp(key(text))).toBe(true));

  test('"je ne sais pas" is an answer (unsure), not a request for help', () => {
    expect(detectQuestionHelp(key('je ne sais pas'))).toBe(false);
  });
});

describe('« Bonjour » or « Bonsoir »', () => {
  const paris = 'Europe/Paris';
  test.each([
    ['2026-11-26T09:00:00+01:00', 'day'],
    ['2026-11-26T17:59:00+01:00', 'day'],
    ['2026-11-26T18:00:00+01:00', 'evening'],
    ['2026-11-26T19:30:00+01:00', 'evening'],
    ['2026-11-27T02:00:00+01:00', 'evening'],
    ['2026-07-14T17:30:00+02:00', 'day'],
    // 17:30 UTC is 19:30 in Paris in summer: the wall clock of the programme's zone, not the server's.
    ['2026-07-14T17:30:00Z', 'evening'],
  ] as const)('at %s it is %s', (iso, expected) => {
    expect(salutationAt(new Date(iso), paris)).toBe(expected);
  });

  test('the user’s own salutation is answered in kind, whatever the hour', () => {
    const morning = new Date('2026-11-26T09:00:00+01:00');
    const evening = new Date('2026-11-26T21:00:00+01:00');
    expect(salutationFor(key('Bonsoir !'), morning, paris)).toBe('evening');
    expect(salutationFor(key('bonjour'), evening, paris)).toBe('day');
    expect(salutationFor(key('salut'), evening, paris)).toBe('evening');
  });
});
