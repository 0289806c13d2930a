import { MemoryStorage, type Activity } from 'botbuilder';
import { UPLOAD_URL_PREFIX } from '../../bot/directLine/uploadStore.js';
import { fillApplication, questionAsked } from '../support/answerBook.js';
import { createTestBot, fr, settings } from '../support/botHarness.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';
import { samplePdf } from '../contract/documentStoreContract.js';

const label = (piece: string): string => {
  const text = fr.t(`documents:piece.${piece}`);
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
};

/** Every text of the recap card's blocks, in order (titles, "label" + "separator value" runs, notes). */
function cardLines(replies: Partial<Activity>[]): string[] {
  const card = replies
    .flatMap((reply) => reply.attachments ?? [])
    .find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
  const body = (card?.content as { body: { text?: string; inlines?: { text: string }[] }[] }).body;
  return body.map((block) => block.text ?? (block.inlines ?? []).map((run) => run.text).join(''));
}

describe('the recap lists the supporting documents received and those missing', () => {
  test('on the card: the piece sent in the chat with its name, the others « à envoyer », and where to send them', async () => {
    const bot = createTestBot(new MemoryStorage(), 'webchat');
    const driver = new ConversationDriver(bot.adapter);
    const first = await driver.say(fr.t('common:menu.apply'));
    expect(questionAsked(first)).toBeDefined();
    // A RIB sent with the paper clip while the form is being filled, as the local Direct Line hands it over.
    const id = bot.uploads.hold(bot.adapter.conversation.conversation.id, {
      name: 'rib-banque.pdf',
      declaredType: 'application/pdf',
      bytes: samplePdf('rib'),
      size: samplePdf('rib').length,
    });
    const received = await driver.read({
      type: 'message',
      text: 'voici notre RIB',
      attachments: [
        { contentType: 'application/pdf', name: 'rib-banque.pdf', contentUrl: `${UPLOAD_URL_PREFIX}${id}` },
      ],
    });
    expect(received).toContain(
      fr.t('documents:receivedAs', { name: 'rib-banque.pdf', piece: fr.t('documents:piece.rib') }),
    );
    const { replies } = await fillApplication((text) => driver.say(text), first);
    const lines = cardLines(replies);
    const separator = fr.t('common:card.factSeparator');
    const title = lines.indexOf(fr.t('applicationFlow:recap.documents.title'));
    expect(title).toBeGreaterThan(0);
    const group = lines.slice(title + 1);
    expect(settings.documents).toContain('rib');
    for (const piece of settings.documents) {
      const value =
        piece === 'rib'
          ? fr.t('applicationFlow:recap.documents.name', { name: 'rib-banque.pdf' })
          : fr.t('applicationFlow:recap.documents.missing');
      expect(group).toContain(`${label(piece)}${separator}${value}`);
    }
    expect(group).toContain(fr.t('applicationFlow:recap.documents.sendHere'));
  });

  test('in the text recap: every required piece « à envoyer » before any is sent, and where to send them', async () => {
    const bot = createTestBot(new MemoryStorage(), 'sms');
    const driver = new ConversationDriver(bot.adapter);
    const first = await driver.say(fr.t('common:menu.apply'));
    const { replies } = await fillApplication((text) => driver.say(text), first);
    const recap = readable(replies);
    expect(recap).toContain(fr.t('applicationFlow:recap.documents.title').toUpperCase());
    for (const piece of settings.documents) {
      expect(recap).toContain(
        fr.t('applicationFlow:recap.line', {
          label: label(piece),
          value: fr.t('applicationFlow:recap.documents.missing'),
        }),
      );
    }
    expect(recap).toContain(fr.t('applicationFlow:recap.documents.sendHere'));
  });
});
