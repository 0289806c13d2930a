import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { fillApplication } from '../support/answerBook.js';
import { createTestBot, fr } from '../support/botHarness.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';
import { formatDate } from '../../dialogs/formatting.js';

const SUBMIT = { type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } };
const REFERENCE = 'ALZ-2026-0001';

/** A bot where user1 has sent the typical file (ALZ-2026-0001). */
async function submitted() {
  const bot = createTestBot(new MemoryStorage());
  const driver = new ConversationDriver(bot.adapter);
  await fillApplication((text) => driver.say(text), await driver.say(fr.t('common:menu.apply')));
  await driver.say(SUBMIT);
  expect((await bot.queue.get(REFERENCE))?.status).toBe('received');
  return { ...bot, driver };
}

/** What someone else types, in their own conversation. */
function fromSomeoneElse(text: string): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text,
    from: { id: 'user2', name: 'Autre' },
    conversation: { id: 'other-conversation', isGroup: false, conversationType: 'personal', name: '' },
  };
}

describe('withdrawing a submitted file from the chat (issue 15)', () => {
  test('"je veux retirer mon dossier ALZ-…" asks first; "non" keeps it, "oui" withdraws it with its history', async () => {
    const { driver, queue, notified } = await submitted();
    const asked = await driver.say(`je veux retirer mon dossier ${REFERENCE}`);
    const confirm = fr.t('fileRequest:withdraw.confirm', {
      reference: REFERENCE,
      company: 'Mécanique Cévenole',
      date: formatDate((await queue.get(REFERENCE))!.submittedAt, 'fr'),
    });
    expect(readable(asked)).toContain(confirm);
    expect(buttonsOf(asked)).toEqual([fr.t('fileRequest:withdraw.yes'), fr.t('fileRequest:withdraw.no')]);
    expect(await driver.read('non')).toContain(fr.t('fileRequest:withdraw.kept', { reference: REFERENCE }));
    expect((await queue.get(REFERENCE))?.status).toBe('received');

    await driver.say(`je veux retirer mon dossier ${REFERENCE}`);
    const done = await driver.read(fr.t('fileRequest:withdraw.yes'));
    expect(done).toContain(fr.t('fileRequest:withdraw.done', { reference: REFERENCE }));
    expect(done).not.toContain(fr.t('applicationFlow:intro.new'));
    const file = await queue.get(REFERENCE);
    expect(file?.status).toBe('withdrawn');
    expect(file?.history.at(-1)).toMatchObject({ by: 'user1', from: 'received', to: 'withdrawn' });
    // Through the status service: the applicant is told, as for any status change.
    expect(notified.map(({ change }) => change.to)).toEqual(['withdrawn']);
    // A withdrawn file cannot be withdrawn again.
    expect(await driver.read(`retirer mon dossier ${REFERENCE}`)).toContain(
      fr.t('fileRequest:withdraw.final', { reference: REFERENCE, label: fr.t('status:label.withdrawn') }),
    );
  });

  test('someone else typing the reference gets the answer for a file that is not theirs, and nothing changes', async () => {
    const { adapter, queue } = await submitted();
    const other = new ConversationDriver(adapter);
    const reply = await other.read(fromSomeoneElse(`je veux retirer mon dossier ${REFERENCE}`));
    expect(reply).toContain(fr.t('status:myFiles.notYours', { reference: REFERENCE }));
    await other.say(fromSomeoneElse('oui'));
    expect((await queue.get(REFERENCE))?.status).toBe('received');
  });

  test('from "Mes dossiers", the withdraw button asks to confirm the owner’s open file', async () => {
    const { driver, queue } = await submitted();
    const files = await driver.say('Mes dossiers');
    expect(buttonsOf(files)).toEqual([
      fr.t('fileRequest:myFiles.withdraw'),
      fr.t('fileRequest:myFiles.correct'),
      fr.t('eligibility:next.menu'),
    ]);
    const asked = await driver.say(fr.t('fileRequest:myFiles.withdraw'));
    expect(buttonsOf(asked)).toEqual([fr.t('fileRequest:withdraw.yes'), fr.t('fileRequest:withdraw.no')]);
    await driver.say('oui');
    expect((await queue.get(REFERENCE))?.status).toBe('withdrawn');
  });
});

describe('asking for a correction after submission', () => {
  test('"je voudrais corriger mon dossier" sends a request to the advisors, kept in the file’s history', async () => {
    const { driver, queue, contactRequests, alerts } = await submitted();
    const asked = await driver.read('je voudrais corriger mon dossier');
    expect(asked).toContain(fr.t('fileRequest:correct.ask', { reference: REFERENCE }));
    const correction = 'le chiffre d’affaires est de 1 500 000 €';
    expect(await driver.read(correction)).toContain(
      fr.t('fileRequest:correct.sent', { reference: REFERENCE }),
    );
    const file = await queue.get(REFERENCE);
    expect(file?.status).toBe('received');
    expect(file?.history.at(-1)).toMatchObject({
      by: 'user1',
      from: 'received',
      to: 'received',
      kind: 'correctionRequest',
      comment: correction,
    });
    const [request] = await contactRequests.list();
    expect(request).toMatchObject({ kind: 'handoff', userId: 'user1', summary: REFERENCE });
    expect(request.reason).toContain(correction);
    expect(alerts).toHaveLength(1);
  });

  test('a file sent back as incomplete goes back to review with the correction', async () => {
    const { driver, queue, notified } = await submitted();
    await queue.changeStatus(REFERENCE, 'in_review', 'jury');
    await queue.changeStatus(REFERENCE, 'incomplete', 'jury', 'Le Kbis manque.');
    await driver.say(`corriger mon dossier ${REFERENCE}`);
    const reply = await driver.read('Le Kbis est envoyé par courriel ce jour.');
    expect(reply).toContain(fr.t('fileRequest:correct.completed', { reference: REFERENCE }));
    const file = await queue.get(REFERENCE);
    expect(file?.status).toBe('in_review');
    expect(file?.history.at(-1)).toMatchObject({
      by: 'user1',
      from: 'incomplete',
      to: 'in_review',
      comment: 'Le Kbis est envoyé par courriel ce jour.',
    });
    expect(notified.map(({ change }) => change.to)).toEqual(['in_review']);
  });
});
