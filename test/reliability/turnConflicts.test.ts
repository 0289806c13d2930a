import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningApp } from '../../bot/app.js';
import type { UserProfile } from '../../dialogs/userProfile.js';
import { createLowdbApplicationQueue } from '../../storage/lowdbApplicationQueue.js';
import { fillApplication } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { GatedLowdbStorage } from '../support/gatedStorage.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

const question = (key: string): string => fr.t(`application:question.${key}`);
const userKey = (userId: string): string => `emulator/users/${userId}/`;

/** An owner whose next question is the first name (every answer before it given over HTTP). */
async function ownerAtFirstName(url: string): Promise<HttpConversation> {
  const owner = new HttpConversation(url);
  await fillApplication((text) => owner.say(text), await owner.say(fr.t('common:menu.apply')), {
    stopAt: 'contact.firstName',
  });
  return owner;
}

/** The same conversation and user, talking to another server. */
function sameConversationOn(url: string, owner: HttpConversation): HttpConversation {
  return Object.assign(new HttpConversation(url, owner.userId), { conversationId: owner.conversationId });
}

describe('two turns of one conversation at the same time', () => {
  let dataDir: string;
  let storage: GatedLowdbStorage;
  const apps: RunningApp[] = [];

  beforeAll(async () => {
    dataDir = tempDataDir('alize-conflicts-');
    storage = new GatedLowdbStorage({ dir: path.join(dataDir, 'state') });
    const queue = createLowdbApplicationQueue(dataDir);
    // Two server instances sharing one store, as two App Service instances share Azure Storage.
    for (let i = 0; i < 2; i += 1) apps.push(await startTestServer(dataDir, {}, { storage, queue }));
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const storedAnswers = async (owner: HttpConversation) =>
    ((await storage.read([userKey(owner.userId)]))[userKey(owner.userId)] as { profile: UserProfile }).profile
      .application!.answers;

  test('on one server, the second waits for the first: both answers are kept, in order', async () => {
    const owner = await ownerAtFirstName(apps[0].url);
    const key = userKey(owner.userId);

    // "Marie" has read the state and is about to write it when "Jeanne" arrives.
    const gate = storage.holdNextWrite(key);
    const marie = owner.post({ type: 'message', text: 'Marie' });
    await gate.arrived;
    const heldAt = storage.events.length;
    const jeanne = owner.post({ type: 'message', text: 'Jeanne' });
    // Time for "Jeanne" to overtake, were it not queued (it would read the state "Marie" is writing). The
    // outcome below does not depend on it: it only gives a broken queue the chance to show.
    await sleep(150);
    gate.open();
    const replies = await Promise.all([marie, jeanne]);

    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
    expect(texts(replies[0].replies).join('\n')).toContain(question('contact.lastName'));
    expect(texts(replies[1].replies).join('\n')).toContain(question('contact.role'));
    expect(storage.events.slice(heldAt).find((event) => event.endsWith(key))).toBe(`wrote ${key}`);
    const answers = await storedAnswers(owner);
    expect([answers['contact.firstName'], answers['contact.lastName']]).toEqual(['Marie', 'Jeanne']);
  });

  test('on two servers, the one that writes second is refused politely and leaves nothing behind', async () => {
    const owner = await ownerAtFirstName(apps[0].url);
    const elsewhere = sameConversationOn(apps[1].url, owner);

    // "Marie" (first server) reads the state and is held at its write; "Jeanne" (second server) reads the same
    // state and writes first: "Marie" then writes over a state that has changed since it read it.
    const gate = storage.holdNextWrite(userKey(owner.userId));
    const marie = owner.post({ type: 'message', text: 'Marie' });
    await gate.arrived;
    const jeanne = await elsewhere.post({ type: 'message', text: 'Jeanne' });
    gate.open();
    const refused = await marie;

    expect([refused.status, jeanne.status]).toEqual([200, 200]);
    expect(texts(jeanne.replies).join('\n')).toContain(question('contact.lastName'));
    // The refused turn's own replies (the next question) are withdrawn: only the apology is left.
    expect(texts(refused.replies)).toEqual([fr.t('reliability:turn.conflict')]);
    const answers = await storedAnswers(owner);
    expect([answers['contact.firstName'], answers['contact.lastName']]).toEqual(['Jeanne', undefined]);

    // Sent again, the refused message is the answer to the question now asked.
    expect(texts(await owner.say('Marie')).join('\n')).toContain(question('contact.role'));
    expect((await storedAnswers(owner))['contact.lastName']).toBe('Marie');
  });
});
