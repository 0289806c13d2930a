import fs from 'node:fs';
import path from 'node:path';
import { MemoryStorage, type Activity } from 'botbuilder';
import { UPLOAD_URL_PREFIX } from '../../bot/directLine/uploadStore.js';
import { fillApplication } from '../support/answerBook.js';
import { createTestBot, fr, TEST_NOW } from '../support/botHarness.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';
import { samplePdf } from '../contract/documentStoreContract.js';

// The injected day of the tests (26 November 2026): a Kbis of 12 November is fresh, one of 3 August is not.
const kbisPiece = fr.t('documents:piece.kbis');
const noted = (date: string) => fr.t('documents:kbisDate.noted', { date });

/** A bot on the web page with an application started, and a way to send files as the local Direct Line does. */
async function applicant() {
  const bot = createTestBot(new MemoryStorage(), 'webchat', TEST_NOW);
  const driver = new ConversationDriver(bot.adapter);
  const first = await driver.say(fr.t('common:menu.apply'));
  const send = async (name: string, text: string): Promise<Partial<Activity>[]> => {
    const bytes = samplePdf(name);
    const id = bot.uploads.hold(bot.adapter.conversation.conversation.id, {
      name,
      declaredType: 'application/pdf',
      bytes,
      size: bytes.length,
    });
    return driver.say({
      type: 'message',
      text,
      attachments: [{ contentType: 'application/pdf', name, contentUrl: `${UPLOAD_URL_PREFIX}${id}` }],
    });
  };
  /** The draft's documents, as stored (one draft per test bot: its folder is the only one). */
  const documents = async () => {
    const [owner] = fs.readdirSync(path.join(bot.queueDir, 'documents'));
    return owner ? bot.documents.list(owner) : [];
  };
  return { bot, driver, first, send, documents };
}

describe('the age of the Kbis extract', () => {
  test('« Kbis du 12 novembre 2026 » with the file: the day is kept, nothing more is asked', async () => {
    const { send, documents } = await applicant();
    const replies = readable(await send('kbis.pdf', 'Kbis du 12 novembre 2026'));
    expect(replies).toContain(fr.t('documents:receivedAs', { name: 'kbis.pdf', piece: kbisPiece }));
    expect(replies).toContain(noted('12 novembre 2026'));
    expect(replies).not.toContain(fr.t('documents:kbisDate.ask'));
    expect(replies).not.toContain(fr.t('documents:kbisDate.old'));
    expect((await documents())[0]).toMatchObject({ piece: 'kbis', issuedOn: '2026-11-12' });
  });

  test('without a day, it is asked once; the answer is kept and an old extract is said so; the form waits', async () => {
    const { driver, first, send, documents } = await applicant();
    const asked = await send('extrait.pdf', 'voici le Kbis');
    expect(asked.at(-1)?.text).toBe(fr.t('documents:kbisDate.ask'));
    const answer = readable(await driver.say('il date du 3 août'));
    expect(answer).toContain(noted('3 août 2026'));
    expect(answer).toContain(fr.t('documents:kbisDate.old'));
    expect((await documents())[0]).toMatchObject({ piece: 'kbis', issuedOn: '2026-08-03' });

    // The form's question was not answered by the date: the whole file can still be filled from it, and the
    // recap shows the extract with its flag, as the committee will see it.
    const { replies } = await fillApplication((text) => driver.say(text), first);
    expect(readable(replies)).toContain(
      fr.t('applicationFlow:recap.documents.flagged', {
        names: fr.t('applicationFlow:recap.documents.name', { name: 'extrait.pdf' }),
        flag: fr.t('documents:flag.kbisOld'),
      }),
    );
  });

  test('a message that is not a date goes to the form, and the question is not asked again', async () => {
    const { driver, send, documents } = await applicant();
    // What the form answers to these words when no question about a Kbis is pending.
    const control = await applicant();
    const expected = readable(await control.driver.say('Je ne sais plus'));
    await send('kbis.pdf', 'le Kbis');
    const next = readable(await driver.say('Je ne sais plus'));
    expect(next).toBe(expected);
    expect(next).not.toContain(fr.t('documents:kbisDate.ask'));
    expect((await documents())[0]?.issuedOn).toBeUndefined();
    // Later, a date typed is the form's too, never taken for the extract's.
    await driver.say('12/11/2026');
    expect((await documents())[0]?.issuedOn).toBeUndefined();
  });

  test('a file named the Kbis with the buttons gets the question too', async () => {
    const { driver, send, documents } = await applicant();
    await send('scan-0042.pdf', 'voici un document');
    const [document] = await documents();
    const labelled = await driver.say({
      type: 'message',
      value: { alizeDocument: document!.id, piece: 'kbis' },
    });
    expect(labelled.at(-1)?.text).toBe(fr.t('documents:kbisDate.ask'));
    expect(readable(await driver.say('12/11/2026'))).toContain(noted('12 novembre 2026'));
    expect((await documents())[0]).toMatchObject({ piece: 'kbis', issuedOn: '2026-11-12' });
  });
});
