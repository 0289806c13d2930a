import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMPANY_LOOKUP_QUESTION } from '../../dialogs/companyLookupDialog.js';
import { Localizer } from '../../bot/i18n.js';
import {
  ELIGIBLE_COMPANY,
  answerFor,
  questionAsked,
  withAnswers,
  type AnswerBook,
} from '../../test/support/answerBook.js';
import { FOUND_SIRET } from '../../test/support/companyRegisterFixtures.js';
import { startLocalRegister } from '../../test/support/companyRegisterServer.js';
import { writeBenchSettings } from './benchSettings.js';
import { BenchUser, readableText, type BenchReply, type UserActivity } from './httpClient.js';
import { startServer } from './serverProcess.js';

/*
 * `npm run bench:path`: how many messages a business owner sends from the greeting to the reference of their
 * file, over HTTP against the real server (a child process, as in production). Questions are answered by
 * question id from the shared answer book, so the script follows any change of the form.
 */

const fr = new Localizer().language('fr');
const MAX_TURNS = 120;
const SUBMIT: UserActivity = { type: 'message', value: { action: 'submitApplication', entry: 'apply' } };
const prefix = (key: string) => fr.t(key).split('{{')[0]!.slice(0, 40);

/** The simplest eligible company of the answer book, its start date kept in the future whatever the day. */
const BOOK: AnswerBook = withAnswers(ELIGIBLE_COMPANY, {
  'project.startDate': `fin mars ${new Date().getFullYear() + 1}`,
  [COMPANY_LOOKUP_QUESTION]: FOUND_SIRET.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4'),
});

interface Applicant {
  name: string;
  /** The first message after the greeting. */
  opener: string;
  lookup: boolean;
}

const APPLICANTS: Applicant[] = [
  { name: 'simplest eligible, no lookup', opener: 'suis-je éligible ?', lookup: false },
  { name: 'simplest eligible, with the lookup', opener: 'suis-je éligible ?', lookup: true },
  {
    name: 'first message with 5 facts, no lookup',
    opener:
      'Bonjour, nous sommes une SAS de 12 salariés à Alès, 1,2 M€ de chiffre d’affaires, et nous voulons créer 3 emplois',
    lookup: false,
  },
];

interface PathResult {
  turns: number;
  /** Turns up to and including the one that brought the verdict. */
  checkTurns: number;
  questions: number;
}

/** Plays one applicant; a turn is one message the owner sends (the greeting event is not one). */
async function play(user: BenchUser, applicant: Applicant): Promise<PathResult> {
  let turns = 0;
  let checkTurns = 0;
  let questions = 0;
  let openers = 0;
  const send = async (activity: UserActivity): Promise<BenchReply[]> => {
    turns += 1;
    return (await user.send(activity)).replies;
  };
  await user.send({ type: 'conversationUpdate', membersAdded: [{ id: user.userId }] });
  let replies = await send({ type: 'message', text: applicant.opener });
  openers += 1;
  while (turns < MAX_TURNS) {
    const text = readableText(replies);
    const asked = questionAsked(replies);
    if (asked) {
      if (!asked.pending) questions += 1;
      // BENCH_PATH_TRACE=1: the question ids asked, to see where the turns go.
      if (process.env.BENCH_PATH_TRACE)
        console.log(
          `${applicant.name}: ${turns} ${asked.questionId}${asked.pending ? ` (${asked.pending})` : ''}`,
        );
      replies = await send({ type: 'message', text: answerFor(BOOK, asked) });
    } else if (text.includes(prefix('applicationFlow:submit.done'))) {
      return { turns, checkTurns, questions };
    } else if (text.includes(prefix('applicationFlow:recap.submit')) || text.includes('submitApplication')) {
      replies = await send(SUBMIT);
    } else if (text.includes(prefix('eligibility:verdict.nextStep'))) {
      checkTurns = turns;
      replies = await send({ type: 'message', text: fr.t('eligibility:next.apply') });
    } else if (openers < 2) {
      // The opener was not understood as a request for the check (the menu came back): ask for it.
      openers += 1;
      replies = await send({ type: 'message', text: 'suis-je éligible ?' });
    } else {
      throw new Error(`bench:path (${applicant.name}): stuck at turn ${turns}:\n${text}`);
    }
  }
  throw new Error(`bench:path (${applicant.name}): no reference after ${MAX_TURNS} turns`);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'alize-bench-path-'));
const register = await startLocalRegister();
try {
  const programmeFile = writeBenchSettings(work);
  const results: { applicant: Applicant; result: PathResult }[] = [];
  for (const [index, applicant] of APPLICANTS.entries()) {
    const dataDir = path.join(work, `data-${index}`);
    mkdirSync(dataDir, { recursive: true });
    const server = await startServer({
      name: 'bot',
      entry: 'dist/bot/index.js',
      dataDir,
      programmeFile,
      env: applicant.lookup ? { COMPANY_LOOKUP: 'on', COMPANY_LOOKUP_URL: register.url } : {},
    });
    try {
      const user = new BenchUser(server.url, `path-${index}`, `path-conversation-${index}`);
      results.push({ applicant, result: await play(user, applicant) });
    } finally {
      await server.stop();
    }
  }
  console.log('\nTurns from the greeting to the reference (messages the owner sends; bench:path)\n');
  console.log('| applicant | turns | of which the check (to its verdict) | questions answered |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const { applicant, result } of results) {
    console.log(`| ${applicant.name} | ${result.turns} | ${result.checkTurns} | ${result.questions} |`);
  }
  const [plain, lookedUp, opener] = results.map(({ result }) => result);
  console.log(
    `\nTargets (issue 16): ≤ 28 turns without the lookup (${plain!.turns}), ≤ 20 with it (${lookedUp!.turns}); ` +
      `the 5-fact opener saves ≥ 4 questions (${plain!.questions - opener!.questions}; ` +
      `${plain!.turns - opener!.turns} turn(s), its confirmation costing one).`,
  );
} finally {
  await register.close();
  rmSync(work, { recursive: true, force: true });
}
