import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { createMailSender } from '../../bot/mail/mailTransport.js';
import { ELIGIBLE_COMPANY_EN, answerAll } from '../support/answerBook.js';
import { createTestBot, en, fr } from '../support/botHarness.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';
import { pdfText } from '../support/pdfText.js';
import { startSmtpServer, type LocalSmtpServer } from '../support/smtpServer.js';

const english = (activity: Partial<Activity>): Partial<Activity> => ({ ...activity, locale: 'en-US' });

describe('the receipt speaks the conversation’s language', () => {
  let smtp: LocalSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  test('an English conversation gets the confirmation’s sentence, the e-mail and its PDF in English', async () => {
    const send = createMailSender({ url: smtp.url, from: 'alize@cci-ales-cevennes.fr' });
    const bot = createTestBot(new MemoryStorage(), 'emulator', undefined, { mailSender: send });
    const driver = new ConversationDriver(bot.adapter);
    const say = (text: string) => driver.say(english({ type: ActivityTypes.Message, text }));
    await answerAll(say, await say(en.t('common:menu.eligibility')), ELIGIBLE_COMPANY_EN, { locale: 'en' });
    const file = await answerAll(say, await say(en.t('eligibility:next.apply')), ELIGIBLE_COMPANY_EN, {
      locale: 'en',
    });
    expect(readable(file.replies)).toContain(en.t('applicationFlow:recap.submit'));
    const done = readable(
      await driver.say(
        english({ type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } }),
      ),
    );
    const [stored] = await bot.queue.list();
    const address = String(stored.data['contact.email']);
    expect(done).toContain(en.t('receipts:submit.mailSent', { email: address }));
    expect(done).not.toContain(fr.t('receipts:submit.mailSent', { email: address }));

    await bot.mailer?.settled();
    await smtp.waitFor(1);
    const [mail] = smtp.received;
    expect(mail.envelopeTo).toEqual([address]);
    expect(mail.subject).toBe(en.t('receipts:receipt.subject', { reference: 'ALZ-2026-0001' }));
    expect(mail.text).toContain(en.t('receipts:receipt.attached'));
    const pdf = (await pdfText(mail.attachments[0].content)).text;
    expect(pdf).toContain('ALZ-2026-0001');
    expect(pdf).toContain(en.t('pdf:documents.none'));
    expect(pdf).not.toContain(fr.t('pdf:documents.none'));
  });
});
