import fs from 'node:fs';
import { displayUserId } from '../../storage/displayUserId.js';
import type { RunningApp } from '../../bot/app.js';
import type { UserProfile } from '../../dialogs/userProfile.js';
import { committeeList } from '../../scripts/reliability/dataDirChecks.js';
import { fillApplication } from '../support/answerBook.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

const SUBMIT = { type: 'message', value: { action: 'submitApplication', entry: 'apply' } };
const FILES = 200;
const REFERENCE = /ALZ-\d{4}-\d{4}/;
const userKey = (userId: string): string => `emulator/users/${userId}/`;

describe('concurrency over HTTP', () => {
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = tempDataDir('alize-concurrency-');
    // One client plays 200 owners: the per-conversation limit is not what is tested here.
    app = await startTestServer(dataDir, { RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0' });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('200 submissions at once make 200 files, ALZ-2026-0001 to 0200, each with its own answers', async () => {
    // One owner walks the whole form over HTTP; 199 others get a copy of that complete draft, each with a
    // draft id, a company name and an e-mail of its own, written through the bot's own storage.
    const first = new HttpConversation(app.url);
    const { replies: recap } = await fillApplication(
      (text) => first.say(text),
      await first.say(fr.t('common:menu.apply')),
    );
    expect(recap[0].attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const walked = (await app.storage.read([userKey(first.userId)]))[userKey(first.userId)] as {
      profile: UserProfile;
    };
    const owners = [first, ...Array.from({ length: FILES - 1 }, () => new HttpConversation(app.url))];
    const nameOf = (index: number) => `Entreprise ${index + 1}`;
    await app.storage.write(
      Object.fromEntries(
        owners.map((owner, index) => {
          const draft = structuredClone(walked.profile.application!);
          draft.id = `draft-${owner.userId}`;
          draft.answers['company.name'] = nameOf(index);
          draft.answers['contact.email'] = `contact${index + 1}@exemple.fr`;
          return [userKey(owner.userId), { profile: { application: draft }, eTag: '*' }];
        }),
      ),
    );
    await Promise.all(owners.slice(1).map((owner) => owner.say('bonjour')));

    const outcomes = await Promise.all(owners.map((owner) => owner.post(SUBMIT)));

    expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
    const told = outcomes.map((o) => REFERENCE.exec(texts(o.replies).join('\n'))?.[0]);
    expect(told.filter((reference) => reference === undefined)).toEqual([]);
    const expected = Array.from({ length: FILES }, (_, i) => `ALZ-2026-${String(i + 1).padStart(4, '0')}`);
    expect([...told].sort()).toEqual(expected);
    const records = committeeList(dataDir);
    expect(records.map((r) => r.reference)).toEqual(expected);
    owners.forEach((owner, index) => {
      const record = records.find((r) => r.userId === displayUserId(owner.userId));
      expect([record?.reference, record?.['company.name']]).toEqual([told[index], nameOf(index)]);
      expect(record?.['contact.email']).toBe(`contact${index + 1}@exemple.fr`);
    });
  }, 120_000);
  // Two answers of one conversation at once: test/reliability/turnConflicts.test.ts, with the overlap forced.
});
