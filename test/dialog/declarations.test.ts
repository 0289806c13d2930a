import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { COMPLIANT_DECLARATIONS, DECLARATIONS_KEY } from '../../dialogs/domain/declarations.js';
import {
  DECLARED_ONE_BY_ONE,
  ELIGIBLE_COMPANY,
  ELIGIBLE_COMPANY_CHECK,
  ELIGIBLE_COMPANY_EN,
  answerAll,
  type AnswerBook,
} from '../support/answerBook.js';
import { createTestBot, en, fr, settings } from '../support/botHarness.js';
import { ConversationDriver, buttonsOf, readable } from '../support/conversationDriver.js';

/*
 * The four declarations of the check (no collective proceedings, up to date with taxes and URSSAF, no de minimis
 * aid, independence) as one « attestation sur l'honneur », asked once every other question is answered.
 */

const DECLARED = Object.keys(COMPLIANT_DECLARATIONS);
const years = settings.deMinimis.periodYears;
const asked = (replies: Partial<Activity>[]) =>
  [...replies]
    .reverse()
    .map((reply) => (reply.channelData as { alize?: { questionId?: string } } | undefined)?.alize?.questionId)
    .find((id) => id !== undefined);

/** A check answered from the book up to the attestation (left open). */
async function atAttestation(book: AnswerBook = ELIGIBLE_COMPANY_CHECK, locale: 'fr' | 'en' = 'fr') {
  const bot = createTestBot(new MemoryStorage());
  const driver = new ConversationDriver(bot.adapter);
  const say = (text: string) =>
    driver.say({ type: ActivityTypes.Message, text, ...(locale === 'en' ? { locale: 'en-US' } : {}) });
  const language = locale === 'fr' ? fr : en;
  const { replies, asked: before } = await answerAll(
    say,
    await say(language.t('common:menu.eligibility')),
    book,
    {
      locale,
      until: (question) => !question.pending && question.questionId === DECLARATIONS_KEY,
    },
  );
  return { bot, say, replies, before };
}

/** The rest of the check, then its verdict's text and the questions asked. */
async function finish(
  say: (text: string) => Promise<Partial<Activity>[]>,
  replies: Partial<Activity>[],
  book: AnswerBook,
) {
  const rest = await answerAll(say, replies, book);
  return { verdict: readable(rest.replies), asked: rest.asked };
}

describe('the four declarations are one attestation', () => {
  test('listed clearly, after every other question, with « Oui, tout est exact » and « Non, je précise »', async () => {
    const { replies, before } = await atAttestation();
    expect(before.filter((key) => DECLARED.includes(key))).toEqual([]);
    expect(asked(replies)).toBe(DECLARATIONS_KEY);
    const prompt = readable(replies);
    for (const key of DECLARED) expect(prompt).toContain(fr.t(`eligibility:declaration.${key}`, { years }));
    expect(buttonsOf(replies)).toEqual([
      fr.t('eligibility:choice.attested'),
      fr.t('eligibility:choice.detail'),
    ]);
  });

  test('« Oui, tout est exact » gives the verdict and the file the four answers would have given', async () => {
    const attested = await atAttestation();
    const once = await finish(
      attested.say,
      await attested.say(fr.t('eligibility:choice.attested')),
      ELIGIBLE_COMPANY_CHECK,
    );
    const detailed = await atAttestation(DECLARED_ONE_BY_ONE);
    const oneByOne = await finish(detailed.say, detailed.replies, DECLARED_ONE_BY_ONE);
    expect(once.asked).toEqual([]);
    expect(oneByOne.asked).toEqual([DECLARATIONS_KEY, ...DECLARED]);
    expect(once.verdict).toContain(fr.t('eligibility:verdict.OK'));
    expect(once.verdict).toEqual(oneByOne.verdict);

    // The application asks none of them again, and the committee reads the same four values.
    const files = [];
    for (const { bot, say } of [attested, detailed]) {
      const file = await answerAll(say, await say(fr.t('eligibility:next.apply')), ELIGIBLE_COMPANY);
      expect(file.asked.filter((key) => /proceedings|goodStanding|deMinimis|independent/.test(key))).toEqual(
        [],
      );
      await say(fr.t('applicationFlow:recap.submit'));
      const [stored] = await bot.queue.list();
      files.push(stored?.data);
    }
    const declared = (data: Record<string, unknown> | undefined) => ({
      proceedings: data?.['company.proceedings'],
      goodStanding: data?.['company.goodStanding'],
      deMinimis: data?.['company.deMinimisReceived'],
      independent: data?.['company.independent'],
    });
    expect(declared(files[0])).toEqual({
      proceedings: 'none',
      goodStanding: 'yes',
      deMinimis: 0,
      independent: true,
    });
    expect(declared(files[1])).toEqual(declared(files[0]));
  });

  test.each(['oui', 'c’est exact', 'tout est bon', 'je confirme'])(
    '« %s » typed counts as « Oui, tout est exact »',
    async (text) => {
      const { say } = await atAttestation();
      const after = await say(text);
      expect(asked(after)).toBeUndefined();
      expect(readable(after)).toContain(fr.t('eligibility:verdict.OK'));
    },
  );

  test('an unclear answer gets the attestation again, politely, with what to answer', async () => {
    const { say } = await atAttestation();
    const again = await say('peut-être');
    expect(readable(again)).toContain(fr.t('eligibility:error.declarationsUnclear'));
    expect(asked(again)).toBe(DECLARATIONS_KEY);
  });

  test('« je ne comprends pas la question »: what an attestation sur l’honneur is, an example, then the attestation', async () => {
    const { say } = await atAttestation();
    const help = await say('je ne comprends pas la question');
    expect(readable(help)).toContain(fr.t('talk:faq.declarations'));
    expect(readable(help)).toContain(
      fr.t('talk:questionHelp.example', { example: fr.t('eligibility:example.declarations') }),
    );
    expect(asked(help)).toBe(DECLARATIONS_KEY);
    expect(readable(await say("c'est quoi une attestation sur l'honneur ?"))).toContain(
      fr.t('talk:faq.declarations'),
    );
  });

  test('« Non, je précise » asks the four declarations one by one, each with its own question', async () => {
    const { say } = await atAttestation();
    let replies = await say(fr.t('eligibility:choice.detail'));
    for (const [key, answer] of DECLARED.map((k) => [k, ELIGIBLE_COMPANY_CHECK[k]!] as const)) {
      expect(asked(replies)).toBe(key);
      expect(readable(replies)).toContain(fr.t(`eligibility:question.${key}`, { years }));
      replies = await say(answer);
    }
    expect(readable(replies)).toContain(fr.t('eligibility:verdict.OK'));
  });

  test('« on a eu une procédure de sauvegarde » asks only the collective proceedings', async () => {
    const { say } = await atAttestation();
    const named = await say('on a eu une procédure de sauvegarde');
    expect(asked(named)).toBe('proceedings');
    const verdict = readable(await say('sauvegarde'));
    expect(verdict).toContain(fr.t('eligibility:verdict.REVIEW'));
    expect(verdict).toContain(fr.t('eligibility:reason.proceedings.ongoing'));
  });

  test('one declaration corrected later: « modifier la procédure collective » in the file asks it alone', async () => {
    const { say } = await atAttestation();
    await say('oui');
    const first = await say(fr.t('eligibility:next.apply'));
    expect(asked(first)).toBeDefined();
    const correcting = await say('modifier la procédure collective');
    expect(readable(correcting)).toContain(fr.t('talk:correct.going'));
    expect(asked(correcting)).toBe('company.proceedings');
    const next = await say('redressement judiciaire');
    expect(asked(next)).not.toBe('company.proceedings');
    expect(asked(next)).toBe(asked(first));
  });

  test('in English: the attestation, its buttons, and "yes" typed', async () => {
    const { say, replies } = await atAttestation(ELIGIBLE_COMPANY_EN, 'en');
    const prompt = readable(replies);
    expect(prompt).toContain(en.t('eligibility:declaration.deMinimis', { years }));
    expect(prompt).not.toContain(fr.t('eligibility:declaration.deMinimis', { years }));
    expect(buttonsOf(replies)).toEqual([
      en.t('eligibility:choice.attested'),
      en.t('eligibility:choice.detail'),
    ]);
    const verdict = readable(await say('yes'));
    expect(verdict).toContain(en.t('eligibility:verdict.OK'));
  });
});
