import { Writable } from 'node:stream';
import { ActivityTypes } from 'botbuilder';
import { createLogger } from '../../bot/logger.js';
import { createTestBot, fr } from '../support/botHarness.js';
import { fillApplication } from '../support/answerBook.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';

const q = (key: string) => fr.t(`application:question.${key}`);
const amount = (value: number) => fr.t('application:display.amount', { amount: value });
const welcome = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'owner', name: 'Marie' }] };

/** Log lines as the CCI would read them: JSON objects, one per line. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('info', sink) };
}

/** A driver at the question of `key`, every answer before it given from the answer book. */
async function atQuestion(key: string, logger = capturedLog().logger) {
  const bot = createTestBot(undefined, 'emulator', undefined, { logger });
  const driver = new ConversationDriver(bot.adapter);
  await driver.say(welcome);
  const first = await driver.say(fr.t('common:menu.apply'));
  await fillApplication((text) => driver.say(text), first, { stopAt: key });
  return { ...bot, driver };
}

describe('an answer that is also a command: the open question wins', () => {
  // The documents question, where « plus tard » was an answer, is no longer asked (pieces are sent in the chat).
  test.each(['pause', 'je continuerai plus tard'])('"%s" at the last question pauses', async (text) => {
    const { driver } = await atQuestion('contact.email');
    expect(await driver.read(text)).toContain(fr.t('questionnaire:paused'));
  });

  test('"plus tard" to a question it does not answer is the pause command', async () => {
    const { driver } = await atQuestion('company.turnover');
    expect(await driver.read('plus tard')).toContain(fr.t('questionnaire:paused'));
  });

  test('"annuler" typed as a company name is the cancel command, not a name', async () => {
    const { driver } = await atQuestion('company.name');
    const asked = await driver.read('annuler');
    expect(asked).not.toContain(fr.t('application:question.company.legalForm'));
    expect(await driver.read(fr.t('common:confirm.leave'))).toContain(fr.t('common:cancelled'));
  });
});

describe('confirming what the bot is unsure of, with the probable readings as buttons', () => {
  test('"620" for the turnover of twelve people offers 620 000 € and 620 €, and a click stores it', async () => {
    const { lines, logger } = capturedLog();
    const { driver } = await atQuestion('company.turnover', logger);
    const replies = await driver.say('620');
    expect(readable(replies)).toContain(fr.t('questionnaire:confirmWhich'));
    expect(buttonsOf(replies)).toEqual([amount(620_000), amount(620)]);
    // A turnover within the SME ceiling settles the test: the balance sheet is not asked.
    expect(await driver.read(amount(620_000))).toContain(q('company.independent'));
    const unsure = lines.filter((line) => line.event === 'answer_unsure');
    expect(unsure).toEqual([
      expect.objectContaining({ field: 'company.turnover', outcome: 'confirm', reason: 'magnitude' }),
    ]);
    // The log says which question and why, never what was typed nor the value.
    expect(JSON.stringify(unsure)).not.toMatch(/620/);
  });

  test('a clear amount is stored without a question and logs nothing', async () => {
    const { lines, logger } = capturedLog();
    const { driver } = await atQuestion('company.turnover', logger);
    expect(await driver.read('1,2 M€')).toContain(q('company.independent'));
    expect(lines.filter((line) => line.event === 'answer_unsure')).toEqual([]);
  });

  test('a refused answer logs the field and the reason of the second try', async () => {
    const { lines, logger } = capturedLog();
    const { driver } = await atQuestion('company.siret', logger);
    await driver.read('11111111111111');
    expect(lines.filter((line) => line.event === 'answer_unsure')).toEqual([
      expect.objectContaining({ field: 'company.siret', outcome: 'ask', reason: 'siretChecksum' }),
    ]);
  });

  test('"6 créations de postes, peut-être 7" offers both counts instead of "no number"', async () => {
    const { driver } = await atQuestion('project.jobsCreated');
    const replies = await driver.say('6 créations de postes, peut-être 7');
    const count = (n: number) => fr.t('application:display.count', { count: n });
    expect(buttonsOf(replies)).toEqual([count(6), count(7)]);
    expect(readable(replies)).not.toContain(fr.t('questionnaire:error.notANumber'));
    expect(await driver.read(count(7))).toContain(q('project.jobsKept'));
  });

  test('the name question takes the first and the last name in one answer; three words are confirmed', async () => {
    const { driver } = await atQuestion('contact.firstName');
    const replies = await driver.say('Sophie Martin');
    expect(buttonsOf(replies)).toEqual([]);
    // The last name is not asked: the next question is the role, which was not given.
    expect(readable(replies)).toContain(q('contact.role'));
    const again = await atQuestion('contact.firstName');
    const three = await again.driver.say('Jean Pierre Martin');
    const compound = fr.t('application:display.fullName', { first: 'Jean Pierre', last: 'Martin' });
    const family = fr.t('application:display.fullName', { first: 'Jean', last: 'Pierre Martin' });
    expect(buttonsOf(three)).toEqual([compound, family]);
  });
});
