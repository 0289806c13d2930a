import { ActivityTypes } from 'botbuilder';
import { createTestBot, fr } from '../support/botHarness.js';
import { FULL_APPLICATION } from '../support/applicationScript.js';
import { fillApplication, questionAsked } from '../support/answerBook.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';

const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };
const SUBMIT = { type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } };
const PAUSED_AT = 'company.headcount';

describe('"pause" in the middle of the application', () => {
  test('keeps the answers; back in a new conversation, "Reprendre mon dossier" asks the next question and the file goes through whole', async () => {
    const bot = createTestBot();
    const firstVisit = new ConversationDriver(bot.adapter);
    await firstVisit.say(welcome);
    const say = (text: string) => firstVisit.say(text);
    const before = await fillApplication(say, await say(fr.t('common:menu.apply')), { stopAt: PAUSED_AT });
    expect(before.asked).toContain('company.name');

    const paused = await firstVisit.read('pause');
    expect(paused).toContain(fr.t('questionnaire:paused'));
    expect(paused).toContain(fr.t('common:menu.prompt'));
    // Paused, the question is no longer open: a number now is not taken as the headcount.
    expect(await firstVisit.read('12')).not.toContain(fr.t(`application:question.${PAUSED_AT}`));

    // Another day, another conversation of the same user.
    const secondVisit = new ConversationDriver(bot.adapter, 'second-visit');
    expect(await secondVisit.read('bonjour')).toContain(fr.t('applicationFlow:draft.reminder'));
    const resumed = await secondVisit.say(fr.t('common:menu.resume'));
    expect(readable(resumed)).toContain(fr.t('applicationFlow:draft.resuming'));
    expect(questionAsked(resumed)?.questionId).toBe(PAUSED_AT);
    // None of the answers given before the pause is asked again: the rest of the book is the file.
    const after = await fillApplication((text) => secondVisit.say(text), resumed);
    expect(after.asked[0]).toBe(PAUSED_AT);
    expect(after.asked.filter((key) => before.asked.includes(key))).toEqual([]);
    expect(readable(after.replies)).toContain(fr.t('applicationFlow:recap.title'));
    await secondVisit.say(SUBMIT);

    const [file] = await bot.queue.list();
    for (const [, key, stored] of FULL_APPLICATION) {
      if (stored !== undefined) expect([key, file.data[key]]).toEqual([key, stored]);
    }
  });
});
