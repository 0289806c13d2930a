import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ActivityTypes, type Activity } from 'botbuilder';
import type { VerifiedIdentity } from '../../bot/identity/verifiedIdentity.js';
import { FUNNEL_STEP, questionStep } from '../../dialogs/domain/funnelSteps.js';
import { LowdbFunnelStore } from '../../storage/lowdbFunnelStore.js';
import { ELIGIBLE_COMPANY, ELIGIBLE_COMPANY_CHECK, answerAll, questionAsked } from '../support/answerBook.js';
import { createTestBot, fr } from '../support/botHarness.js';
import { ConversationDriver, readable } from '../support/conversationDriver.js';
import { tempFolder } from '../support/tempFolders.js';

const SUBMIT = { type: ActivityTypes.Message, value: { action: 'submitApplication', entry: 'apply' } };
/** TEST_NOW (26 November 2026 in Paris): the only time the funnel keeps is its month. */
const MONTH = '2026-11';

/** The real bot, counting its funnel in a real lowdb file of a temporary DATA_DIR. */
function countingBot(options: Parameters<typeof createTestBot>[3] = {}) {
  const dataDir = tempFolder('alize-funnel-');
  const store = new LowdbFunnelStore(dataDir);
  const bot = createTestBot(undefined, 'emulator', undefined, { ...options, funnelStore: store });
  const counts = async () => {
    await bot.funnel!.close();
    return (await store.read())[MONTH] ?? {};
  };
  return { ...bot, dataDir, store, counts };
}

describe('the funnel, counted by real conversations', () => {
  test('a check and an application: each step reached once, the verdict and the submission', async () => {
    const { adapter, counts, dataDir, queue } = countingBot();
    const driver = new ConversationDriver(adapter);
    const first = await driver.say(fr.t('common:menu.eligibility'));
    const check = await answerAll((text) => driver.say(text), first, ELIGIBLE_COMPANY_CHECK);
    expect(readable(check.replies)).toContain(fr.t('eligibility:verdict.nextStep'));
    const apply = await driver.say(fr.t('eligibility:next.apply'));
    const file = await answerAll((text) => driver.say(text), apply, ELIGIBLE_COMPANY);
    expect(questionAsked(file.replies)).toBeUndefined();
    await driver.say(SUBMIT);
    expect(await queue.list()).toHaveLength(1);

    const expected = Object.fromEntries([
      [FUNNEL_STEP.checkStarted, 1],
      ...check.asked.map((key) => [questionStep('check', key), 1]),
      [FUNNEL_STEP.verdict('OK'), 1],
      [FUNNEL_STEP.applicationStarted, 1],
      ...file.asked.map((key) => [questionStep('application', key), 1]),
      [FUNNEL_STEP.applicationSubmitted, 1],
    ]);
    expect(await counts()).toEqual(expected);

    // Nothing personal in the file: no answer typed, no user or conversation id, no date finer than the month.
    const raw = await readFile(path.join(dataDir, 'funnel.json'), 'utf8');
    const typed = Object.values(ELIGIBLE_COMPANY).filter((answer) => answer.length > 3);
    for (const answer of typed) expect(raw).not.toContain(answer);
    for (const id of ['user', 'Convo1', 'ALZ-2026-0001', '2026-11-26']) expect(raw).not.toContain(id);
    expect(Object.keys(JSON.parse(raw) as object)).toEqual(['months']);
  });

  test('once per conversation: going back does not count twice; a new conversation counts where it resumes', async () => {
    const { adapter, counts } = countingBot();
    const driver = new ConversationDriver(adapter);
    const first = questionAsked(await driver.say(fr.t('common:menu.eligibility')))!.questionId;
    const second = questionAsked(await driver.say(ELIGIBLE_COMPANY_CHECK[first]))!.questionId;
    expect(questionAsked(await driver.say('retour'))!.questionId).toBe(first);
    expect(questionAsked(await driver.say(ELIGIBLE_COMPANY_CHECK[first]))!.questionId).toBe(second);
    // The same person in a new conversation: the check resumes (not started again), at the second question.
    const again = new ConversationDriver(adapter, 'second-visit');
    expect(questionAsked(await again.say(fr.t('common:menu.eligibility')))!.questionId).toBe(second);

    expect(await counts()).toEqual({
      [FUNNEL_STEP.checkStarted]: 1,
      [questionStep('check', first)]: 1,
      [questionStep('check', second)]: 2,
    });
  });

  test('an ineligible company is counted at its verdict, NO', async () => {
    const { adapter, counts } = countingBot();
    const driver = new ConversationDriver(adapter);
    const first = await driver.say(fr.t('common:menu.eligibility'));
    await answerAll((text) => driver.say(text), first, {
      ...ELIGIBLE_COMPANY_CHECK,
      headcount: '300 salariés',
    });
    const counted = await counts();
    expect(counted[FUNNEL_STEP.verdict('NO')]).toBe(1);
    expect(counted[FUNNEL_STEP.verdict('OK')]).toBeUndefined();
    expect(counted[FUNNEL_STEP.applicationStarted]).toBeUndefined();
  });

  test('an advisor’s pre-screen of a company is no applicant’s step: nothing counted', async () => {
    const advisor = { id: 'advisor-web-id', name: 'Paul' };
    const objectId = '6d1f9c2e-0000-4000-8000-000000000001';
    const tenantId = '5a0c4f1e-0000-4000-8000-00000000cc1a';
    const verified = {
      [advisor.id]: { source: 'teams', objectId, tenantId },
    } satisfies Record<string, VerifiedIdentity>;
    const { adapter, counts } = countingBot({ advisorIds: [objectId], tenantId, verified });
    const driver = new ConversationDriver(adapter, 'c-advisor');
    const as = (text: string): Partial<Activity> => ({ type: ActivityTypes.Message, text, from: advisor });
    await driver.say(as('bonjour'));
    await driver.say(as('mode conseiller'));
    const first = await driver.say(as(fr.t('advisor:menu.prescreen')));
    const check = await answerAll((text) => driver.say(as(text)), first, ELIGIBLE_COMPANY_CHECK);
    expect(readable(check.replies)).toContain(fr.t('eligibility:verdict.OK_advisor'));
    expect(await counts()).toEqual({});
  });
});
