import fs from 'node:fs';
import type { RunningApp } from '../../bot/app.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, startTestServer, tempDataDir } from '../support/httpBot.js';

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
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = tempDataDir('alize-erasure-');
    // Friday 21:00: advisors are away, so "talk to an advisor" leaves a callback request with name and phone.
    app = await startTestServer(dataDir, {}, { clock: () => new Date('2026-11-27T21:00:00+01:00') });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the callback request and the state of the other conversations go too', async () => {
    const userId = `user-erasure-${Date.now()}`;
    // Conversation 1: a callback request.
    const first = new HttpConversation(app.url, userId);
    await first.say(fr.t('common:menu.advisor'));
    await first.say(fr.t('contact:closed.yes'));
    await first.say('Marie Dupontel');
    await first.say('06 12 34 56 78');
    await first.say('lundi matin');
    // Conversation 2: a callback started and left half-way (its answers sit in that conversation's state).
    const second = new HttpConversation(app.url, userId);
    await second.say(fr.t('common:menu.advisor'));
    await second.say(fr.t('contact:closed.yes'));
    await second.say('Jeanne Castanet');
    // Another user's request stays.
    const other = new HttpConversation(app.url);
    for (const answer of [
      fr.t('common:menu.advisor'),
      fr.t('contact:closed.yes'),
      'Paul Martin',
      '06 98 76 54 32',
      'mardi',
    ])
      await other.say(answer);

    expect(storedText(dataDir)).toContain('Marie Dupontel');
    expect(storedText(dataDir)).toContain('Jeanne Castanet');

    // Conversation 3: erasure.
    const third = new HttpConversation(app.url, userId);
    await third.say('Supprimer mes données');
    await third.say(fr.t('privacy:yes'));

    const left = storedText(dataDir);
    expect(left).not.toContain('Marie Dupontel');
    expect(left).not.toContain('+33612345678');
    expect(left).not.toContain('Jeanne Castanet');
    expect(left).not.toContain(first.conversationId);
    expect(left).not.toContain(second.conversationId);
    expect(left).toContain('Paul Martin');
  });
});
