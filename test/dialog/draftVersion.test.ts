import { ActivityTypes, MemoryStorage } from 'botbuilder';
import type { DraftMigration } from '../../dialogs/domain/draftMigration.js';
import type { UserProfile } from '../../dialogs/userProfile.js';
import { createTestBot, fr } from '../support/botHarness.js';
import { ConversationDriver } from '../support/conversationDriver.js';
import { complete } from '../unit/applicationFormFixtures.js';

/** The form's history as it would read once `project.otherFinancing` had been renamed and a field removed. */
const HISTORY: DraftMigration[] = [
  { from: 1 },
  { from: 2, rename: { 'project.otherFunding': 'project.otherFinancing' }, drop: ['company.fax'] },
];
const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };

/** The draft as the previous version left it in user state: everything answered but the e-mail. */
function savedDraft(version: number, extra: Record<string, string>): UserProfile {
  const answers = { ...complete };
  const financing = answers['project.otherFinancing'];
  delete answers['contact.email'];
  delete answers['project.otherFinancing'];
  return {
    application: {
      id: 'draft-1',
      version,
      answers: {
        ...answers,
        'project.otherFunding': financing,
        'notice.acknowledgedAt': '2026-11-20T09:00:00.000Z',
        ...extra,
      },
      startedAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-20T09:30:00.000Z',
    },
  };
}

async function resumeWith(profile: UserProfile) {
  const storage = new MemoryStorage();
  const bot = createTestBot(storage, 'emulator', undefined, { draftMigrations: HISTORY });
  // UserState's key for TestAdapter's default user (`user1`) on the emulator channel.
  const key = 'emulator/users/user1/';
  await storage.write({ [key]: { profile } });
  const driver = new ConversationDriver(bot.adapter);
  await driver.say(welcome);
  const offer = await driver.read(fr.t('common:menu.apply'));
  const resumed = await driver.read(fr.t('applicationFlow:draft.resume'));
  const stored = async () => ((await storage.read([key]))[key] as { profile: UserProfile }).profile;
  return { ...bot, driver, offer, resumed, stored };
}

describe('a draft saved before a field was renamed', () => {
  test('keeps its answer under the new name: the user goes on to the last question, then submits', async () => {
    const { driver, offer, resumed, stored, queue } = await resumeWith(
      savedDraft(2, { 'company.fax': '04 66 00 00 00' }),
    );
    expect(offer).not.toContain(fr.t('applicationFlow:draft.newerVersion'));
    // The e-mail, a question of the last step, is all that is left to ask: question 1 of 1 of this walk.
    expect(resumed).toContain(
      fr.t('questionnaire:progressStep', {
        index: 1,
        total: 1,
        step: 4,
        steps: 4,
        stepName: fr.t('application:group.contact'),
      }),
    );
    expect(resumed).toContain(fr.t('application:question.contact.email').slice(0, 30));
    expect(resumed).not.toContain(fr.t('application:question.project.otherFinancing'));
    const draft = (await stored()).application;
    expect(draft?.version).toBe(3);
    expect(draft?.answers['project.otherFinancing']).toBe(complete['project.otherFinancing']);
    expect(draft?.answers).not.toHaveProperty(['project.otherFunding']);
    expect(draft?.answers).not.toHaveProperty(['company.fax']);

    const recap = await driver.read(String(complete['contact.email']));
    expect(recap).toContain(String(complete['project.otherFinancing']));
    await driver.say({ type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } });
    const [file] = await queue.list();
    expect(file.data['project.otherFinancing']).toBe(complete['project.otherFinancing']);
  });

  test('a draft of a newer version is kept whole: the user is told and goes on', async () => {
    const { offer, resumed, stored } = await resumeWith(savedDraft(9, { 'project.futureField': 'gardé' }));
    expect(offer).toContain(fr.t('applicationFlow:draft.newerVersion'));
    // What this form knows is used: the answer under a key it no longer has is asked again.
    expect(resumed).toContain(fr.t('applicationFlow:draft.resuming'));
    const draft = (await stored()).application;
    expect(draft?.version).toBe(9);
    expect(draft?.answers['project.futureField']).toBe('gardé');
    expect(draft?.answers['project.otherFunding']).toBe(complete['project.otherFinancing']);
  });
});
