import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Storage, StoreItems } from 'botbuilder';
import type { RunningApp } from '../../bot/app.js';
import type { UserProfile } from '../../dialogs/userProfile.js';
import { createLowdbApplicationQueue } from '../../storage/lowdbApplicationQueue.js';
import { LowdbStorage } from '../../storage/lowdbStorage.js';
import { FULL_APPLICATION } from '../support/applicationScript.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

/** The real state store, reached over a slow link (a network disk, Azure): each write takes 40 ms more. */
class SlowWrites implements Storage {
  constructor(readonly inner: Storage) {}
  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    await sleep(40);
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

const question = (key: string): string => fr.t(`application:question.${key}`).split('{{')[0].slice(0, 40);
const userKey = (userId: string): string => `emulator/users/${userId}/`;

/** An owner whose next question is the first name (every answer before it given over HTTP). */
async function ownerAtFirstName(url: string): Promise<HttpConversation> {
  const owner = new HttpConversation(url);
  await owner.say(fr.t('common:menu.apply'));
  const upToFirstName = FULL_APPLICATION.findIndex(([, key]) => key === 'contact.firstName');
  for (const [answer] of FULL_APPLICATION.slice(0, upToFirstName)) await owner.say(answer);
  return owner;
}

/** The same conversation and user, talking to another server. */
function sameConversationOn(url: string, owner: HttpConversation): HttpConversation {
  return Object.assign(new HttpConversation(url, owner.userId), { conversationId: owner.conversationId });
}

describe('two turns of one conversation at the same time', () => {
  let dataDir: string;
  let storage: SlowWrites;
  const apps: RunningApp[] = [];

  beforeAll(async () => {
    dataDir = tempDataDir('alize-conflicts-');
    storage = new SlowWrites(new LowdbStorage({ dir: path.join(dataDir, 'state') }));
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

  test('on one server, they run one after the other: both answers are kept, in order', async () => {
    const owner = await ownerAtFirstName(apps[0].url);

    const [marie, jeanne] = await Promise.all([owner.say('Marie'), owner.say('Jeanne')]);

    const replies = [texts(marie).join('\n'), texts(jeanne).join('\n')];
    const marieFirst = replies[0].includes(question('contact.lastName'));
    expect(replies[marieFirst ? 1 : 0]).toContain(question('contact.role'));
    const answers = await storedAnswers(owner);
    expect([answers['contact.firstName'], answers['contact.lastName']]).toEqual(
      marieFirst ? ['Marie', 'Jeanne'] : ['Jeanne', 'Marie'],
    );
  });

  test('on two servers, the later one is refused politely and leaves nothing behind', async () => {
    const owner = await ownerAtFirstName(apps[0].url);
    const elsewhere = sameConversationOn(apps[1].url, owner);

    const outcomes = await Promise.all([
      owner.post({ type: 'message', text: 'Marie' }),
      elsewhere.post({ type: 'message', text: 'Jeanne' }),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual([200, 200]);
    const refused = outcomes.findIndex((o) => texts(o.replies).includes(fr.t('reliability:turn.conflict')));
    expect(refused).toBeGreaterThanOrEqual(0);
    // The refused turn's own replies (the next question) are withdrawn: only the apology is left.
    expect(texts(outcomes[refused].replies)).toEqual([fr.t('reliability:turn.conflict')]);
    expect(texts(outcomes[1 - refused].replies).join('\n')).toContain(question('contact.lastName'));
    const kept = refused === 0 ? 'Jeanne' : 'Marie';
    const answers = await storedAnswers(owner);
    expect([answers['contact.firstName'], answers['contact.lastName']]).toEqual([kept, undefined]);

    // Sent again, the refused message is the answer to the question now asked.
    const again = await (refused === 0 ? owner : elsewhere).say(refused === 0 ? 'Marie' : 'Jeanne');
    expect(texts(again).join('\n')).toContain(question('contact.role'));
  });
});
