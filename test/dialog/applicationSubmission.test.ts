import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { ELIGIBLE_COMPANY, answerAll, questionAsked } from '../support/answerBook.js';
import { TEST_NOW, createTestBot, fr, settings } from '../support/botHarness.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';

const SUBMIT = { type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } };

/** A bot whose clock the test moves, with a complete file up to its recap card, answered on TEST_NOW. */
async function recapReached(programme: ProgrammeSettings = settings) {
  let now = TEST_NOW;
  const bot = createTestBot(new MemoryStorage(), 'emulator', () => now, { settings: programme });
  const driver = new ConversationDriver(bot.adapter);
  const first = await driver.say(fr.t('common:menu.apply'));
  const { replies } = await answerAll((text) => driver.say(text), first, ELIGIBLE_COMPANY);
  expect(questionAsked(replies)).toBeUndefined();
  expect(readable(replies)).toContain(fr.t('applicationFlow:recap.submit'));
  return { ...bot, driver, setNow: (day: Date) => (now = day) };
}

describe('sending the file, on the day of the injected clock', () => {
  test('between two calls the file is kept, not sent, and the owner learns when the next call opens', async () => {
    const { driver, queue, setNow } = await recapReached();
    setNow(new Date('2027-01-15T10:00:00+01:00'));
    const closed = await driver.read(SUBMIT);
    expect(closed).toContain(fr.t('applicationFlow:submit.callClosed'));
    expect(closed).toContain(
      fr.t('eligibility:call.afterNext', { closedOn: '2026-12-21', nextOpensOn: '2027-03-01' }),
    );
    expect(await queue.list()).toEqual([]);

    // The next call is open: the same draft goes through, once.
    setNow(new Date('2027-03-02T09:00:00+01:00'));
    const sent = await driver.read(SUBMIT);
    expect(sent).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2027-0001' }));
    expect(sent).toContain(fr.t('applicationFlow:submit.nextCommittee', { date: '2027-06-10' }));
    expect(await queue.list()).toHaveLength(1);
  });

  test('after the last call the owner is told the call is closed, and nothing reaches the committee', async () => {
    const { driver, queue, setNow } = await recapReached();
    setNow(new Date('2027-07-01T10:00:00+02:00'));
    const closed = await driver.read(SUBMIT);
    expect(closed).toContain(fr.t('applicationFlow:submit.callClosed'));
    expect(closed).toContain(fr.t('eligibility:call.after', { closedOn: '2027-06-30' }));
    expect(await queue.list()).toEqual([]);
  });

  test('with no committee date left, the file is sent and the owner is told the date will follow', async () => {
    const past = settings.committeeDates.filter((date) => date < '2026-11-26');
    expect(past.length).toBeGreaterThan(0);
    const { driver, queue } = await recapReached({ ...settings, committeeDates: past });
    const sent = await driver.read(SUBMIT);
    expect(sent).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
    expect(sent).toContain(fr.t('applicationFlow:submit.noCommitteeDate'));
    expect(sent).not.toContain(fr.t('applicationFlow:submit.nextCommittee', { date: past.at(-1) }));
    expect(await queue.list()).toHaveLength(1);
  });

  test('the reference comes last of the confirmation, after the next steps and the documents', async () => {
    const { driver } = await recapReached();
    const texts = (await driver.say(SUBMIT)).map((reply) => reply.text ?? '').filter(Boolean);
    const done = texts.indexOf(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
    const documents = texts.findIndex((text) => text.startsWith(fr.t('applicationFlow:submit.documents')));
    expect(documents).toBeGreaterThanOrEqual(0);
    expect(done).toBeGreaterThan(documents);
    // Only the menu's question may follow it.
    expect(texts.slice(done + 1).every((text) => text.includes(fr.t('common:menu.prompt')))).toBe(true);
  });
});
