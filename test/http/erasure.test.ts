import fs from 'node:fs';
import { fr } from '../support/botHarness.js';
import { HttpConversation } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

/** Every file under the data folder's bot state and requests, as text: where a typed value could land. */
function storedText(dataDir: string): string {
  return ['state', 'requests']
    .flatMap((folder) => {
      const root = `${dataDir}/${folder}`;
      return fs.existsSync(root)
        ? fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => `${root}/${f}`)
        : [];
    })
    .filter((file) => fs.statSync(file).isFile())
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
}

describe('"Supprimer mes données" erases every place a value landed', () => {
  // Friday 21:00: advisors are away, so "talk to an advisor" leaves a callback request with name and phone.
  const server = serverForSuite({
    prefix: 'alize-erasure-',
    overrides: { clock: () => new Date('2026-11-27T21:00:00+01:00') },
  });

  test('the callback request and the state of the other conversations go too', async () => {
    const userId = `user-erasure-${Date.now()}`;
    // Conversation 1: a callback request.
    const first = new HttpConversation(server.url, userId);
    await first.say(fr.t('common:menu.advisor'));
    await first.say(fr.t('contact:closed.yes'));
    await first.say('Marie Dupontel');
    await first.say('06 12 34 56 78');
    await first.say('lundi matin');
    // Conversation 2: a callback started and left half-way (its answers sit in that conversation's state).
    const second = new HttpConversation(server.url, userId);
    await second.say(fr.t('common:menu.advisor'));
    await second.say(fr.t('contact:closed.yes'));
    await second.say('Jeanne Castanet');
    // Another user's request stays.
    const other = new HttpConversation(server.url);
    for (const answer of [
      fr.t('common:menu.advisor'),
      fr.t('contact:closed.yes'),
      'Paul Martin',
      '06 98 76 54 32',
      'mardi',
    ])
      await other.say(answer);

    expect(storedText(server.dataDir)).toContain('Marie Dupontel');
    expect(storedText(server.dataDir)).toContain('Jeanne Castanet');

    // Conversation 3: erasure.
    const third = new HttpConversation(server.url, userId);
    await third.say('Supprimer mes données');
    await third.say(fr.t('privacy:yes'));

    const left = storedText(server.dataDir);
    expect(left).not.toContain('Marie Dupontel');
    expect(left).not.toContain('+33612345678');
    expect(left).not.toContain('Jeanne Castanet');
    expect(left).not.toContain(first.conversationId);
    expect(left).not.toContain(second.conversationId);
    expect(left).toContain('Paul Martin');
  });
});
