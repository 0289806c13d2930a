import { fillApplication } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, texts } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

describe('after a submit whose confirmation never reached the user', () => {
  const server = serverForSuite({ prefix: 'alize-lost-confirmation-' });

  test('"Reprendre mon dossier" says the file was sent, with its reference, and opens no empty file', async () => {
    const owner = new HttpConversation(server.url);
    await fillApplication((text) => owner.say(text), await owner.say(fr.t('common:menu.apply')));
    // The submit is processed, but its answer is lost on the way (connection dropped): the user reads nothing.
    expect(
      (await owner.post({ type: 'message', value: { action: 'submitApplication', entry: 'apply' } })).status,
    ).toBe(200);
    const [file] = await server.app.queue.list();
    expect(file?.reference).toBe('ALZ-2026-0001');

    // Back later, in a new conversation.
    const later = new HttpConversation(server.url, owner.userId);
    const reply = texts(await later.say(fr.t('common:menu.resume'))).join('\n');
    expect(reply).toContain(
      fr.t('applicationFlow:draft.alreadySent', { reference: 'ALZ-2026-0001', date: '26 novembre 2026' }),
    );
    expect(reply).not.toContain(fr.t('applicationFlow:intro.new'));
    expect(reply).not.toContain(fr.t('applicationFlow:draft.none'));
    expect(await server.app.queue.list()).toHaveLength(1);
  });
});
