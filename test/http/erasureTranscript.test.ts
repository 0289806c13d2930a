import { ERASED_EVENT_NAME } from '../../bot/erasedEvent.js';
import { fr, WELCOME_KEY } from '../support/botHarness.js';
import { botTexts, DirectLineClient, type DlActivity } from '../support/directLineClient.js';
import { serverForSuite } from '../support/httpServer.js';

const EMAIL = 'marie.dupontel@exemple.fr';
const transcriptText = (activities: DlActivity[]): string => JSON.stringify(activities);

describe('"Supprimer mes données" on the web page erases the local Direct Line transcript', () => {
  const server = serverForSuite({ prefix: 'alize-erasure-transcript-' });

  test('the page is told, the old transcript is gone, and a reload opens a new, empty conversation', async () => {
    const visitor = new DirectLineClient(server.url);
    await visitor.open();
    expect((await visitor.start()).status).toBe(201);
    await visitor.pollUntil((seen) => botTexts(seen).length >= 2);
    await visitor.say(`Mon e-mail : ${EMAIL}, mon téléphone 06 12 34 56 78`);
    expect(transcriptText(await visitor.poll())).toContain(EMAIL);

    await visitor.say('Supprimer mes données');
    await visitor.say(fr.t('privacy:yes'));
    const afterErasure = await visitor.pollUntil((seen) =>
      seen.some((a) => a.type === 'event' && a.name === ERASED_EVENT_NAME),
    );
    expect(botTexts(afterErasure).join('\n')).toContain(fr.t('privacy:erased'));

    // What the open page can still read of its conversation: the bot's last words, nothing typed before.
    visitor.watermark = '';
    const left = await visitor.poll();
    expect(transcriptText(left)).not.toContain(EMAIL);
    expect(transcriptText(left)).not.toContain('06 12 34 56 78');
    expect(botTexts(left).join('\n')).toContain(fr.t('privacy:erased'));

    // A reload: same visitor id, no "fresh": a new conversation, greeted anew, without the past.
    const reloaded = new DirectLineClient(server.url, visitor.userId);
    await reloaded.open();
    expect(reloaded.conversationId).not.toBe(visitor.conversationId);
    await reloaded.start();
    const greeting = await reloaded.pollUntil((seen) => botTexts(seen).length >= 2);
    expect(botTexts(greeting)[0]).toBe(fr.t(WELCOME_KEY));
    expect(transcriptText(greeting)).not.toContain(EMAIL);
    expect(transcriptText(greeting)).not.toContain(fr.t('privacy:erased'));
    // The retired conversation is gone once the page has left it.
    expect((await visitor.request('GET', `/conversations/${visitor.conversationId}`)).status).toBe(404);
  });

  test('another visitor’s transcript is untouched', async () => {
    const keeper = new DirectLineClient(server.url);
    await keeper.open();
    await keeper.start();
    await keeper.say(`Je garde ${EMAIL}`);
    const eraser = new DirectLineClient(server.url);
    await eraser.open();
    await eraser.start();
    await eraser.say('Supprimer mes données');
    await eraser.say(fr.t('privacy:yes'));
    await eraser.pollUntil((seen) => seen.some((a) => a.name === ERASED_EVENT_NAME));
    keeper.watermark = '';
    expect(transcriptText(await keeper.poll())).toContain(EMAIL);
  });
});
