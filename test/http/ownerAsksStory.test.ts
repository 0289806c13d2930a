import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatClockTime, formatDayWithWeekday } from '../../dialogs/formatting.js';
import {
  ELIGIBLE_COMPANY,
  ONE_FACT_PER_ANSWER,
  answerAll,
  questionAsked,
  type AnswerBook,
} from '../support/answerBook.js';
import { SUBMIT } from '../support/applicationWalk.js';
import { fr, settings } from '../support/botHarness.js';
import { HttpConversation, texts, type Reply } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

const CLI = fileURLToPath(new URL('../../committee/committeeCli.js', import.meta.url));

/** The committee's tool, as the committee runs it: its JSON output. */
function committee(dataDir: string, ...args: string[]): unknown {
  const result = spawnSync(process.execPath, [CLI, ...args, '--json'], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

const bounds = { min: settings.advance.min, max: settings.advance.max };
/** The check, then the file one fact at a time (the amount is its own question, where she asks about it). */
const BOOK: AnswerBook = { ...ELIGIBLE_COMPANY, ...ONE_FACT_PER_ANSWER };
const CALLBACK: AnswerBook = { name: 'Marie Dupont', phone: '06 12 34 56 78', moment: 'demain matin' };

/**
 * The story of issue 15, replayed over HTTP as an owner lives it on a Thursday evening: she says « Bonsoir »,
 * asks what de minimis aid is in the middle of the check, how much she can ask for at the amount, asks for a
 * person in the middle of the application (the advisors are gone: a callback), corrects her turnover, and
 * sends a file that holds her real answers, none of her requests.
 */
describe('an owner who asks questions and for a person in the middle of her application', () => {
  const server = serverForSuite();

  test('every request is answered where it is made, and the file holds only answers', async () => {
    const owner = new HttpConversation(server.url);
    const say = (text: string) => owner.say(text);
    const read = (replies: Reply[]) => texts(replies).join('\n');
    const asked = (replies: Reply[]) => questionAsked(replies)?.questionId;
    /** Answers from the book until the question `at` is asked (left open). */
    const upTo = async (replies: Reply[], at: string, book: AnswerBook = BOOK) => {
      const walked = await answerAll(say, replies, book, { until: (q) => !q.pending && q.questionId === at });
      expect(asked(walked.replies)).toBe(at);
      return walked.replies;
    };

    // « Bonsoir », answered in kind; her first words start the check.
    expect(texts(await say('Bonsoir')).at(0)).toBe(fr.t('common:greeting.helloEvening'));
    // The check ends with the attestation, whose statements name the de minimis aid.
    let replies = await upTo(await say('suis-je éligible ?'), 'declarations');

    // "c'est quoi le de minimis ?": the answer, with the ceiling of the settings, then the question again.
    replies = await say("c'est quoi le de minimis ?");
    expect(read(replies)).toContain(
      fr.t('talk:faq.deMinimis', {
        ceiling: settings.deMinimis.ceiling,
        years: settings.deMinimis.periodYears,
      }),
    );
    expect(asked(replies)).toBe('declarations');
    // "qui décide ?" there too.
    expect(read(await say('qui décide ?'))).toContain(fr.t('talk:faq.decider'));

    // The rest of the check: an OK verdict that says what the company could ask for.
    const attested = await say(fr.t('eligibility:choice.attested'));
    const verdict = read((await answerAll(say, attested, ELIGIBLE_COMPANY)).replies);
    expect(verdict).toContain(fr.t('eligibility:verdict.OK'));
    expect(verdict).toContain(fr.t('talk:verdictOffer', { ...bounds, months: settings.mentoring.maxMonths }));

    // The application, up to the amount: "combien je peux demander ?" gets the bounds, then the amount.
    replies = await upTo(await say(fr.t('eligibility:next.apply')), 'project.amountRequested');
    replies = await say('combien je peux demander ?');
    expect(read(replies)).toContain(fr.t('talk:faq.amount', bounds));
    expect(asked(replies)).toBe('project.amountRequested');
    replies = await upTo(await say(BOOK['project.amountRequested']), 'contact.email');

    // A person, in the middle of the contact questions: the callback, then back to the e-mail question.
    replies = await say("je veux parler à quelqu'un de la CCI");
    expect(read(replies)).toContain(fr.t('talk:advisor.thenBack'));
    expect(read(replies)).toContain(fr.t('contact:closed.offerCallback'));
    replies = await upTo(await say('oui'), 'contact.email', CALLBACK);
    // Thursday evening: the advisors call back from Friday 8:30.
    expect(read(replies)).toContain(
      fr.t('contact:callback.stored', {
        phone: '+33612345678',
        moment: 'demain matin',
        day: formatDayWithWeekday('2026-11-27'),
        time: formatClockTime('08:30'),
      }),
    );

    // She corrects her turnover, then carries on where she was.
    replies = await say("je me suis trompée sur le chiffre d'affaires");
    expect(asked(replies)).toBe('company.turnover');
    replies = await say('1,5 M€');
    expect(asked(replies)).toBe('contact.email');

    // The rest of the file, the recap, and the file sent.
    const recap = await answerAll(say, replies, BOOK);
    expect(recap.asked).not.toContain('project.amountRequested');
    const sent = await owner.post(SUBMIT);
    const reference = /ALZ-\d{4}-\d{4}/.exec(read(sent.replies))?.[0];
    expect(reference).toBeDefined();

    // The committee sees her answers: the corrected turnover, her e-mail; none of her requests as an answer.
    const file = committee(server.dataDir, 'show', reference!) as { data?: Record<string, unknown> };
    const data = JSON.stringify(file);
    expect(data).toContain('1500000');
    expect(data).toContain('marie.dupont@exemple.fr');
    for (const request of ['parler', 'minimis ?', 'combien', 'trompée', 'décide'])
      expect(data).not.toContain(request);
    // And the advisors have her callback request.
    const callbacks = JSON.stringify(committee(server.dataDir, 'callbacks'));
    expect(callbacks).toContain('demain matin');
  });
});
