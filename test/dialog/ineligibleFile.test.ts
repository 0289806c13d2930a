import { ActivityTypes, MemoryStorage } from 'botbuilder';
import {
  ELIGIBLE_COMPANY,
  ELIGIBLE_COMPANY_CHECK,
  ELIGIBLE_COMPANY_FILE,
  answerAll,
  questionAsked,
  withAnswers,
} from '../support/answerBook.js';
import { TEST_NOW, createTestBot, fr, settings } from '../support/botHarness.js';
import { nextCommitteeDate } from '../../dialogs/domain/eligibilityVerdict.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';

const SUBMIT = { type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } };
const LIQUIDATION = withAnswers(ELIGIBLE_COMPANY_CHECK, { proceedings: 'liquidation judiciaire' });
const label = (key: string) => fr.t(`application:label.${key}`);
const correct = (key: string) => fr.t('applicationFlow:ineligible.correct', { label: label(key) });
const reason = (key: string) => fr.t(`eligibility:reason.${key}`);

async function checkedAs(book: Record<string, string>) {
  const bot = createTestBot(new MemoryStorage());
  const driver = new ConversationDriver(bot.adapter);
  const { replies } = await answerAll(
    (text) => driver.say(text),
    await driver.say('suis-je éligible ?'),
    book,
  );
  return { ...bot, driver, verdict: readable(replies) };
}

describe('a NO verdict stops the application (issue 15)', () => {
  test('the liquidation story: a NO at the check, then trying to apply, is told plainly and offered the ways out', async () => {
    const { driver, queue, verdict } = await checkedAs(LIQUIDATION);
    expect(verdict).toContain(fr.t('eligibility:verdict.NO'));
    expect(verdict).toContain(reason('proceedings.liquidation'));

    // The owner wants to apply anyway: no question is asked, the file cannot be accepted as it stands.
    const gate = await driver.say('je veux quand même déposer un dossier');
    const text = readable(gate);
    expect(questionAsked(gate)).toBeUndefined();
    expect(text).toContain(fr.t('applicationFlow:ineligible.intro'));
    expect(text).toContain(reason('proceedings.liquidation'));
    expect(text).not.toContain(fr.t('applicationFlow:intro.prefilled', { count: 10 }));
    for (const help of settings.otherHelp) expect(text).toContain(help.name);
    expect(buttonsOf(gate)).toEqual([
      correct('company.proceedings'),
      fr.t('applicationFlow:ineligible.advisor'),
      fr.t('applicationFlow:ineligible.examine'),
      fr.t('applicationFlow:ineligible.menu'),
    ]);

    // An old recap's "Envoyer" cannot send it either.
    expect(readable(await driver.say(SUBMIT))).toContain(fr.t('applicationFlow:ineligible.intro'));
    expect(await queue.list()).toEqual([]);

    // "Parler à un conseiller" is the existing contact flow.
    const advisor = await driver.read(fr.t('applicationFlow:ineligible.advisor'));
    expect(advisor).toMatch(
      new RegExp(
        [fr.t('contact:open.askReason'), fr.t('contact:closed.offerCallback')]
          .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|'),
      ),
    );
    expect(await queue.list()).toEqual([]);
  });

  test('correcting the answer that caused the NO goes straight to it, and the file goes on as eligible', async () => {
    const { driver, queue } = await checkedAs(LIQUIDATION);
    await driver.say(fr.t('common:menu.apply'));
    const asked = await driver.say(correct('company.proceedings'));
    expect(questionAsked(asked)?.questionId).toBe('company.proceedings');
    const next = await driver.say('aucune');
    expect(questionAsked(next)?.questionId).not.toBe('company.proceedings');
    const { replies } = await answerAll((text) => driver.say(text), next, ELIGIBLE_COMPANY_FILE);
    expect(readable(replies)).toContain(fr.t('applicationFlow:recap.submit'));
    const sent = await driver.read(SUBMIT);
    expect(sent).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
    expect(sent).not.toContain(fr.t('applicationFlow:submit.examinedAsIneligible'));
    // The verdict is the file's own, recomputed at submission; the check's stays beside it.
    const [file] = await queue.list();
    expect(file.eligibility?.verdict).toBe('OK');
    expect(file.eligibility?.check).toEqual({
      verdict: 'NO',
      reasons: ['eligibility:reason.proceedings.liquidation'],
    });
    expect(file.data['company.proceedings']).toBe('none');
  });

  test('having the file examined anyway is an explicit choice, and the confirmation says it is ineligible', async () => {
    const { driver, queue } = await checkedAs(LIQUIDATION);
    await driver.say(fr.t('common:menu.apply'));
    const chosen = await driver.say(fr.t('applicationFlow:ineligible.examine'));
    expect(readable(chosen)).toContain(fr.t('applicationFlow:ineligible.examineChosen'));
    const { replies } = await answerAll((text) => driver.say(text), chosen, ELIGIBLE_COMPANY_FILE);
    expect(readable(replies)).toContain(fr.t('applicationFlow:ineligible.recapNote'));
    const sent = await driver.read(SUBMIT);
    expect(sent).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
    expect(sent).toContain(fr.t('applicationFlow:submit.examinedAsIneligible'));
    const committee = nextCommitteeDate(settings, TEST_NOW);
    expect(sent).not.toContain(fr.t('applicationFlow:submit.nextCommittee', { date: committee }));
    const [file] = await queue.list();
    expect(file.eligibility).toMatchObject({
      verdict: 'NO',
      reasons: ['eligibility:reason.proceedings.liquidation'],
    });
    expect(file.checks).toEqual({ ineligibleReview: true });
  });

  test('an application answer that makes the company ineligible stops the walk at that answer', async () => {
    const bot = createTestBot(new MemoryStorage());
    const driver = new ConversationDriver(bot.adapter);
    const first = await driver.say(fr.t('common:menu.apply'));
    const book = withAnswers(ELIGIBLE_COMPANY, { 'company.headcount': '400' });
    const { replies, asked } = await answerAll((text) => driver.say(text), first, book);
    expect(asked.at(-1)).toBe('company.headcount');
    expect(readable(replies)).toContain(fr.t('applicationFlow:ineligible.intro'));
    expect(buttonsOf(replies)[0]).toBe(correct('company.headcount'));
    // A sentence that is none of the choices is not taken for anything: the choices come back.
    const again = await driver.read('bof');
    expect(again).toContain(fr.t('applicationFlow:ineligible.chooseAction'));
    expect(again).toContain(fr.t('applicationFlow:ineligible.intro'));
    expect(await bot.queue.list()).toEqual([]);
  });

  test('at the check itself, "Corriger ma réponse" goes straight to the answer that caused the NO', async () => {
    const bot = createTestBot(new MemoryStorage());
    const driver = new ConversationDriver(bot.adapter);
    const first = await driver.say('suis-je éligible ?');
    const { replies } = await answerAll((text) => driver.say(text), first, LIQUIDATION);
    expect(buttonsOf(replies)[0]).toBe(fr.t('eligibility:next.correct'));
    const asked = await driver.say(fr.t('eligibility:next.correct'));
    expect(questionAsked(asked)?.questionId).toBe('proceedings');
    const { replies: verdict } = await answerAll(
      (text) => driver.say(text),
      await driver.say('aucune'),
      ELIGIBLE_COMPANY_CHECK,
    );
    expect(readable(verdict)).toContain(fr.t('eligibility:verdict.OK'));
  });
});

describe('the verdict the committee sees is the file’s own, computed at submission', () => {
  test('a check left to review (group unknown) becomes OK once the application answers it', async () => {
    const { driver, queue, verdict } = await checkedAs(
      withAnswers(ELIGIBLE_COMPANY_CHECK, { independent: 'je ne sais pas' }),
    );
    expect(verdict).toContain(fr.t('eligibility:verdict.REVIEW'));
    const first = await driver.say(fr.t('eligibility:next.apply'));
    const { asked } = await answerAll((text) => driver.say(text), first, ELIGIBLE_COMPANY_FILE);
    expect(asked).toContain('company.independent');
    await driver.say(SUBMIT);
    const [file] = await queue.list();
    expect(file.eligibility).toMatchObject({ verdict: 'OK', reasons: [] });
    expect(file.eligibility?.check).toEqual({
      verdict: 'REVIEW',
      reasons: ['eligibility:reason.independence.unknown'],
    });
  });
});
