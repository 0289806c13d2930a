import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { fillApplication, questionAsked } from '../support/answerBook.js';
import { createTestBot, fr } from '../support/botHarness.js';
import { FULL_APPLICATION } from '../support/applicationScript.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';
import type { UserProfile } from '../../dialogs/userProfile.js';

const SUBMIT = { type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } };
const PROFILE_KEY = 'emulator/users/user1/';

/** A new applicant's bot, and how many answers their draft holds now. */
async function applying() {
  const storage = new MemoryStorage();
  const bot = createTestBot(storage);
  const driver = new ConversationDriver(bot.adapter);
  const first = await driver.say(fr.t('common:menu.apply'));
  const draftSize = async () => {
    const stored = (await storage.read([PROFILE_KEY]))[PROFILE_KEY] as { profile?: UserProfile } | undefined;
    const answers = stored?.profile?.application?.answers;
    return answers ? Object.keys(answers).length : undefined;
  };
  return { ...bot, driver, first, draftSize };
}

describe('every destructive command asks first and says what will be lost (issue 15)', () => {
  test('"recommencer" at the recap says how many answers would go; the next sentence is stored nowhere', async () => {
    const { driver, first, draftSize, queue } = await applying();
    const { replies } = await fillApplication((text) => driver.say(text), first);
    expect(readable(replies)).toContain(fr.t('applicationFlow:recap.submit'));
    const count = (await draftSize())!;
    expect(count).toBeGreaterThan(25);

    const asked = await driver.say('recommencer');
    expect(readable(asked)).toContain(fr.t('common:confirm.restart', { count }));
    expect(buttonsOf(asked)).toEqual([
      fr.t('common:confirm.restartYes', { count }),
      fr.t('common:confirm.keep'),
    ]);
    // The reported bug: this sentence became the company name of a new, empty draft.
    expect(await driver.read('SARL Autre Nom')).toContain(fr.t('common:confirm.kept'));
    expect(await draftSize()).toBe(count);
    await driver.say(SUBMIT);
    const [file] = await queue.list();
    // The name as the file keeps it (its legal form read apart).
    expect(file.data['company.name']).toBe(FULL_APPLICATION.find(([, key]) => key === 'company.name')?.[2]);
  });

  test('"non" to "recommencer" at a question asks that question again, with every answer kept', async () => {
    const { driver, first, draftSize } = await applying();
    await fillApplication((text) => driver.say(text), first, { stopAt: 'company.headcount' });
    const before = await draftSize();
    await driver.say('recommencer');
    const kept = await driver.say('non');
    expect(readable(kept)).toContain(fr.t('common:confirm.kept'));
    expect(questionAsked(kept)?.questionId).toBe('company.headcount');
    expect(await draftSize()).toBe(before);
  });

  test('"oui" to "recommencer" starts a new draft from the first question', async () => {
    const { driver, first, draftSize } = await applying();
    await fillApplication((text) => driver.say(text), first, { stopAt: 'company.headcount' });
    await driver.say('recommencer');
    const restarted = await driver.say('oui');
    expect(readable(restarted)).toContain(fr.t('common:restarted'));
    expect(questionAsked(restarted)?.questionId).toBe(questionAsked(first)?.questionId);
    expect(await draftSize()).toBe(0);
  });

  test('"annuler" in an application offers to leave it (kept) or delete it, saying how many answers', async () => {
    const { driver, first, draftSize } = await applying();
    await fillApplication((text) => driver.say(text), first, { stopAt: 'company.headcount' });
    const count = (await draftSize())!;
    const asked = await driver.say('annuler');
    expect(readable(asked)).toContain(fr.t('common:confirm.cancel', { count }));
    expect(buttonsOf(asked)).toEqual([
      fr.t('common:confirm.leave'),
      fr.t('common:confirm.discard', { count }),
      fr.t('common:confirm.continue'),
    ]);
    // Leaving keeps the draft: "Reprendre mon dossier" finds it.
    expect(await driver.read(fr.t('common:confirm.leave'))).toContain(fr.t('common:cancelled'));
    expect(await draftSize()).toBe(count);
    const resumed = await driver.say(fr.t('common:menu.resume'));
    expect(questionAsked(resumed)?.questionId).toBe('company.headcount');

    // Deleting it, asked again, is done and said.
    await driver.say('annuler');
    const discarded = await driver.read(fr.t('common:confirm.discard', { count }));
    expect(discarded).toContain(fr.t('common:confirm.discarded', { count }));
    expect(await draftSize()).toBeUndefined();
    expect(await driver.read(fr.t('common:menu.resume'))).toContain(fr.t('applicationFlow:draft.none'));
  });
});
