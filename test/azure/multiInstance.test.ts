import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Storage } from 'botbuilder';
import type { RunningApp } from '../../bot/app.js';
import { createStores, type Stores } from '../../storage/createStores.js';
import type { UserProfile } from '../../dialogs/userProfile.js';
import { referencesUpTo } from '../contract/queueContract.js';
import {
  MultiServerConversation,
  SUBMIT,
  walkApplication,
  walkEligibility,
} from '../support/applicationWalk.js';
import { ELIGIBLE_COMPANY_CHECK, answerAll, questionAsked } from '../support/answerBook.js';
import { azureBackend, azureEnv, startAzurite, type RunningAzurite } from '../support/azurite.js';
import { fr } from '../support/botHarness.js';
import { startTestServer, tempDataDir, texts } from '../support/httpBot.js';

/**
 * Two bot instances (as App Service runs them behind its load balancer) share one storage account and nothing
 * else: each has its own empty DATA_DIR. One emulator for the file; each test its own account contents (its own
 * container and tables) and its own two instances, so that none reads what another wrote.
 */
let azurite: RunningAzurite;
let dataDirs: string[];
let servers: RunningApp[];
/** The storage account as the committee's tools see it. */
let stores: Stores;
let urls: string[];

beforeAll(async () => {
  azurite = await startAzurite();
}, 60_000);

beforeEach(async () => {
  const backend = azureBackend(azurite);
  dataDirs = [tempDataDir(), tempDataDir()];
  servers = await Promise.all(dataDirs.map((dataDir) => startTestServer(dataDir, azureEnv(backend))));
  urls = servers.map((server) => server.url);
  stores = createStores({ dataDir: dataDirs[0]!, backend });
}, 60_000);

afterEach(async () => {
  await Promise.all((servers ?? []).map((server) => server.close()));
  for (const dataDir of dataDirs ?? []) fs.rmSync(dataDir, { recursive: true, force: true });
});

afterAll(async () => {
  await azurite?.stop();
});

const userKey = (userId: string): string => `emulator/users/${userId}`;
async function profileOf(storage: Storage, userId: string): Promise<UserProfile | undefined> {
  const state = (await storage.read([userKey(userId)]))[userKey(userId)] as
    { profile?: UserProfile } | undefined;
  return state?.profile;
}

/** The eligibility answers of the answer book's ELIGIBLE_COMPANY_CHECK, as the bot stores them. */
const STORED_ELIGIBILITY = {
  commune: { inseeCode: '30007', name: 'Alès', department: '30', postalCode: '30100' },
  headcount: 12,
  turnover: 1_200_000,
  sector: { nafCode: '25.62B' },
  jobs: 3,
  proceedings: 'none',
  deMinimis: 0,
  independent: true,
  projectType: 'development',
  goodStanding: 'yes',
  // The four declarations above, attested at once (« Oui, tout est exact »).
  declarations: 'attested',
};

const REFERENCE = /ALZ-\d{4}-\d{4}/;

/** Runs `tasks` with at most `limit` at a time (as many users clicking "Envoyer" within a few seconds). */
async function inPool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** A company that went through the check and the whole file, alternating between the instances, up to the recap. */
async function applicantAtRecap() {
  const owner = new MultiServerConversation(urls);
  const verdict = await walkEligibility(owner);
  const recap = await walkApplication(owner);
  return { owner, verdict, recap };
}

/** A valid SIRET of the owner's SIREN (732 829 320), establishment number `n`: the Luhn key fixed by the last digit. */
function siretOf(n: number): string {
  const body = `732829320${String(n).padStart(4, '0')}`;
  for (let key = 0; key <= 9; key += 1) {
    const digits = `${body}${key}`;
    const sum = [...digits].reverse().reduce((total, digit, index) => {
      const doubled = index % 2 === 1 ? Number(digit) * 2 : Number(digit);
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
    if (sum % 10 === 0) return digits;
  }
  throw new Error('no Luhn key');
}

describe('two bot instances on one Azure Storage account', () => {
  test('one conversation alternating between the instances loses no answer, up to the recap', async () => {
    const { owner, verdict, recap } = await applicantAtRecap();
    expect(verdict).toContain(fr.t('eligibility:verdict.OK'));
    expect((await profileOf(stores.storage, owner.userId))?.eligibility?.answers).toEqual(STORED_ELIGIBILITY);
    expect(recap[0]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const draft = (await profileOf(stores.storage, owner.userId))?.application?.answers ?? {};
    expect(draft).toMatchObject({
      'company.name': 'Mécanique Cévenole',
      'company.siret': '73282932000074',
      'contact.phone': '+33612345678',
    });
    // Every other turn went to the other instance (the walk is shorter since issue 16: half of it each).
    const half = Math.floor(owner.servedBy.length / 2);
    expect(owner.servedBy.length).toBeGreaterThan(20);
    expect(owner.servedBy.filter((server) => server === 0).length).toBeGreaterThanOrEqual(half);
    expect(owner.servedBy.filter((server) => server === 1).length).toBeGreaterThanOrEqual(half);
  });

  test('100 submissions spread over both instances get ALZ-2026-0001 to 0100, each its own', async () => {
    const { owner } = await applicantAtRecap();
    // 99 more companies with a complete draft: copies of the owner's, each with a draft id of its own.
    const template = (await stores.storage.read([userKey(owner.userId)]))[userKey(owner.userId)] as {
      profile: UserProfile;
    };
    const applicants = Array.from({ length: 99 }, () => `user-${randomUUID()}`);
    await stores.storage.write(
      Object.fromEntries(
        applicants.map((userId) => {
          // Each its own company: a SIRET of its own (the same one twice would be flagged as a duplicate).
          const draft = template.profile.application!;
          const application = {
            ...draft,
            id: randomUUID(),
            answers: { ...draft.answers, 'company.siret': siretOf(applicants.indexOf(userId) + 100) },
          };
          return [userKey(userId), { ...template, profile: { ...template.profile, application }, eTag: '*' }];
        }),
      ),
    );
    const submitters = [owner, ...applicants.map((userId) => new MultiServerConversation(urls, userId))];
    const outcomes = await inPool(
      submitters.map((conversation, index) => async () => {
        // Each copy opens its own conversation (greeted by one instance), then clicks "Envoyer" on the other.
        if (conversation !== owner) {
          await conversation.post(
            { type: 'conversationUpdate', membersAdded: [{ id: conversation.userId }] },
            1 - (index % 2),
          );
        }
        const { status, replies } = await conversation.post(SUBMIT, index % 2);
        return {
          status,
          userId: conversation.userId,
          reference: REFERENCE.exec(texts(replies).join('\n'))?.[0],
        };
      }),
      20,
    );
    expect(outcomes.filter((outcome) => outcome.status !== 200)).toEqual([]);
    expect(outcomes.map((outcome) => outcome.reference).sort()).toEqual(referencesUpTo(100));

    const files = await stores.queue.list();
    expect(files.map((file) => file.reference)).toEqual(referencesUpTo(100));
    // Each applicant was told the reference of their own file.
    const owners = new Map(files.map((file) => [file.reference, file.userId]));
    expect(outcomes.filter((outcome) => owners.get(outcome.reference!) !== outcome.userId)).toEqual([]);
    expect(new Set(files.map((file) => file.data['company.siret'])).size).toBe(100);
    expect(files.filter((file) => file.checks?.duplicateOf !== undefined)).toEqual([]);
  }, 90_000);

  test('two turns of one conversation at once on both instances: no error, and the conversation goes on', async () => {
    const user = new MultiServerConversation(urls);
    await user.post({ type: 'conversationUpdate', membersAdded: [{ id: user.userId }] }, 0);
    await user.say('suis-je éligible ?', 1);
    // A double send of the first answer, each copy reaching a different instance.
    const [first, second] = await Promise.all([
      user.post({ type: 'message', text: 'Alès' }, 0),
      user.post({ type: 'message', text: 'Alès' }, 1),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const apology = fr.t('common:error.apology');
    const replies = [...texts(first.replies), ...texts(second.replies)];
    expect(replies.filter((reply) => reply.includes(apology))).toEqual([]);
    // At least one copy was taken and moved on; the other, if its state write lost the eTag race, asks to resend.
    const nextQuestion = fr.t('eligibility:question.headcount');
    expect(replies.filter((reply) => reply.includes(nextQuestion)).length).toBeGreaterThanOrEqual(1);

    const rest = await answerAll(
      async (text) => {
        const reply = await user.say(text);
        expect(texts(reply).join('\n')).not.toContain(apology);
        return reply;
      },
      [first.replies, second.replies].find((r) => questionAsked(r)?.questionId === 'headcount')!,
      ELIGIBLE_COMPANY_CHECK,
    );
    expect(texts(rest.replies).join('\n')).toContain(fr.t('eligibility:verdict.OK'));
    expect((await profileOf(stores.storage, user.userId))?.eligibility?.answers).toEqual(STORED_ELIGIBILITY);
  });
});
