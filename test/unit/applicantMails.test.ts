import { contactAddress, receiptMail, statusMail } from '../../committee/receipts/applicantMails.js';
import { detectMenuIntent } from '../../dialogs/menuIntents.js';
import { statusChangeMessage } from '../../dialogs/statusMessages.js';
import type { StoredApplication } from '../../storage/applicationQueue.js';
import { en, fr, settings, TEST_NOW } from '../support/botHarness.js';

const application = {
  reference: 'ALZ-2026-0007',
  status: 'in_review',
  channel: 'webchat',
  origin: 'applicant',
  userId: 'dl_owner',
  submittedAt: TEST_NOW.toISOString(),
  eligibility: { verdict: 'OK', reasons: [] },
  data: { 'contact.firstName': 'Marie', 'contact.lastName': 'Dupont', 'contact.email': 'marie@exemple.fr' },
  history: [{ to: 'in_review', at: TEST_NOW.toISOString(), by: 'comité', comment: 'Lu.' }],
} as unknown as StoredApplication;

describe('the words of the applicant’s e-mails', () => {
  test('an English conversation gets its receipt in English, with the reference', () => {
    const mail = receiptMail(en, application, settings, TEST_NOW);
    expect(mail.subject).toBe(en.t('receipts:receipt.subject', { reference: 'ALZ-2026-0007' }));
    expect(mail.text).toContain(en.t('receipts:mail.greetingNamed', { name: 'Marie Dupont' }));
    expect(mail.text).toContain(en.t('receipts:receipt.attached'));
  });

  test('a status mail holds the chat’s very message', () => {
    const change = application.history[0];
    const mail = statusMail(fr, application, change, settings);
    expect(mail.text).toContain(statusChangeMessage(fr, application, change, settings));
  });

  test('an anonymised file has no address to write to', () => {
    expect(contactAddress(application)).toBe('marie@exemple.fr');
    expect(contactAddress({ ...application, data: { 'contact.email': null } })).toBeUndefined();
  });

  test.each([
    ['télécharger mon dossier en PDF', 'downloadFile'],
    ['envoyez-moi le PDF', 'downloadFile'],
    ['Télécharger mon dossier ALZ-2026-0007', 'downloadFile'],
    ['download my application as a PDF', 'downloadFile'],
    ['je veux déposer un dossier', 'apply'],
    ['où en est mon dossier ?', 'myFiles'],
  ])('« %s » is understood as %s', (text, intent) => {
    expect(detectMenuIntent(text)).toBe(intent);
  });
});
