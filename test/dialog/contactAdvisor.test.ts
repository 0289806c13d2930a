import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { formatClockTime, formatDayWithWeekday } from '../../dialogs/formatting.js';
import { createTestBot, fr, settings } from '../support/botHarness.js';
import { fillApplication } from '../support/answerBook.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';

const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };

/** The office hours as the closed message words them, from the settings the bot runs with. */
const officeHours = (): string =>
  settings.officeHours.periods
    .map((period) =>
      fr.t('contact:hours.period', {
        from: formatClockTime(period.from, 'fr'),
        to: formatClockTime(period.to, 'fr'),
      }),
    )
    .join(fr.t('contact:hours.and'));

async function askForAdvisor(at: string) {
  const bot = createTestBot(new MemoryStorage(), 'emulator', new Date(at));
  const driver = new ConversationDriver(bot.adapter);
  await driver.say(welcome);
  const first = await driver.say(fr.t('common:menu.advisor'));
  return { ...bot, driver, first };
}

describe('talking to an advisor', () => {
  test('at 21:00 on a Friday: the Monday hours, then a stored callback request, and the bot carries on', async () => {
    const { driver, first, contactRequests, alerts } = await askForAdvisor('2026-11-27T21:00:00+01:00');
    // Back on Monday 30 November at the first opening of the settings' office hours.
    const text = readable(first);
    expect(text).toContain(
      fr.t('contact:closed.intro', {
        days: fr.t('contact:hours.weekdays'),
        hours: officeHours(),
        day: formatDayWithWeekday('2026-11-30', 'fr'),
        time: formatClockTime(settings.officeHours.periods[0]!.from, 'fr'),
      }),
    );
    expect(buttonsOf(first)).toEqual([fr.t('contact:closed.yes'), fr.t('contact:closed.no')]);

    const notice = await driver.read(fr.t('contact:closed.yes'));
    expect(notice).toContain(fr.t('contact:callback.notice'));
    expect(notice).toContain(fr.t('contact:callback.question.name'));
    await driver.say('Marie Dupont');
    expect(await driver.read('07 12')).toContain(fr.t('contact:callback.error.phone'));
    await driver.say('06 12 34 56 78');
    const stored = await driver.read('lundi matin');
    expect(stored).toContain(
      fr.t('contact:callback.stored', {
        phone: '+33612345678',
        moment: 'lundi matin',
        day: formatDayWithWeekday('2026-11-30', 'fr'),
        time: formatClockTime(settings.officeHours.periods[0]!.from, 'fr'),
      }),
    );
    expect(stored).toContain(fr.t('common:menu.prompt'));

    const [request] = await contactRequests.list();
    expect(request).toMatchObject({
      kind: 'callback',
      name: 'Marie Dupont',
      phone: '+33612345678',
      preferredMoment: 'lundi matin',
      status: 'pending',
    });
    expect(alerts).toEqual([]);
  });

  test('on Easter Monday 2027 advisors are back on Tuesday', async () => {
    const { first } = await askForAdvisor('2027-03-29T10:00:00+02:00');
    expect(readable(first)).toContain(formatDayWithWeekday('2027-03-30', 'fr'));
    expect(readable(first)).not.toContain(formatDayWithWeekday('2027-03-29', 'fr'));
  });

  test('declining the callback keeps helping', async () => {
    const { driver, contactRequests } = await askForAdvisor('2026-11-29T15:00:00+01:00');
    const reply = await driver.read(fr.t('contact:closed.no'));
    expect(reply).toContain(fr.t('contact:closed.declined'));
    expect(reply).toContain(fr.t('common:menu.prompt'));
    expect(await contactRequests.list()).toEqual([]);
  });

  test('during office hours the request is queued as a handoff with a summary, and the advisors are alerted', async () => {
    const { driver, first, contactRequests, alerts } = await askForAdvisor('2026-11-26T10:00:00+01:00');
    expect(readable(first)).toContain(fr.t('contact:open.askReason'));
    const reply = await driver.read('Je voudrais savoir si mon projet de reprise peut être aidé.');
    expect(reply).toContain(fr.t('contact:open.queued'));
    const [request] = await contactRequests.list();
    expect(request).toMatchObject({
      kind: 'handoff',
      reason: 'Je voudrais savoir si mon projet de reprise peut être aidé.',
    });
    expect(request.summary).toBe(fr.t('contact:summary.none'));
    expect((request.conversationReference as { conversation: { id: string } }).conversation.id).toBeTruthy();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('Je voudrais savoir si mon projet de reprise peut être aidé.');
  });

  test('three failed answers in a check offer an advisor, who can then be reached', async () => {
    const { adapter } = createTestBot(new MemoryStorage(), 'emulator', new Date('2026-11-26T10:00:00+01:00'));
    const driver = new ConversationDriver(adapter);
    await driver.say(welcome);
    await driver.say(fr.t('common:menu.eligibility'));
    await driver.say('Alès');
    await driver.say('beaucoup');
    await driver.say('pas mal');
    expect(buttonsOf(await driver.say('bof'))).toContain(fr.t('common:menu.advisor'));
    expect(await driver.read(fr.t('common:menu.advisor'))).toContain(fr.t('contact:open.askReason'));
  });
});

describe('"où en est mon dossier ?"', () => {
  test("lists the user's own files with what their status means, and never another user's", async () => {
    const bot = createTestBot();
    const driver = new ConversationDriver(bot.adapter);
    await driver.say(welcome);
    expect(await driver.read('où en est mon dossier ?')).toContain(fr.t('status:myFiles.none'));
    await fillApplication((text) => driver.say(text), await driver.say(fr.t('common:menu.apply')));
    await driver.say({ type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } });
    const mine = await driver.read('où en est mon dossier ?');
    expect(mine).toContain('ALZ-2026-0001');
    expect(mine).toContain(fr.t('status:meaning.received'));

    const stranger = new ConversationDriver(bot.adapter, 'stranger');
    const reply = await stranger.read({
      type: ActivityTypes.Message,
      text: 'où en est mon dossier ALZ-2026-0001 ?',
      from: { id: 'stranger', name: 'X' },
    });
    expect(reply).toContain(fr.t('status:myFiles.notYours', { reference: 'ALZ-2026-0001' }));
    expect(reply).not.toContain('Mécanique');
  });
});
