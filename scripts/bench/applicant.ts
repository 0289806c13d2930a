import type { TurnLanguage } from '../../dialogs/translator.js';
import { ELIGIBLE_COMPANY, answerFor, questionAsked, withAnswers } from '../../test/support/answerBook.js';
import { readableText, type BenchReply, type BenchUser, type UserActivity } from './httpClient.js';

/**
 * The shared answer book's eligible company (an SME of 12 people in Alès, machining, 3 jobs), said the way
 * test/http/eligibility.test.ts says it. The start date must stay in the future whatever day the bench runs.
 */
function benchBook() {
  return withAnswers(ELIGIBLE_COMPANY, {
    commune: 'à Saint-Christol-lès-Alès',
    turnover: '1 200 000 €',
    jobs: 'trois',
    'project.startDate': `fin mars ${new Date().getFullYear() + 1}`,
  });
}

const SUBMIT: UserActivity = { type: 'message', value: { action: 'submitApplication', entry: 'apply' } };
const REFERENCE = /\bALZ-\d{4}-\d{4,}\b/;
const isSubmit = (activity: UserActivity): boolean =>
  (activity as { value?: { action?: unknown } }).value?.action === 'submitApplication';
const MAX_APPLICATION_TURNS = 60;

/** A turn of the script whose replies must contain a sentence: how the bench knows the bot did its job. */
export interface Checkpoint {
  turn: number;
  expected: string;
}

export interface ApplicantScript {
  activities: UserActivity[];
  checkpoints: Checkpoint[];
}

/** The fixed part of a sentence (before its first interpolation), enough to recognise it in a reply. */
function sentencePrefix(language: TurnLanguage, key: string, length = 40): string {
  return language.t(key).split('{{')[0]!.slice(0, length);
}

/**
 * Talks to the real bot like an applicant: the eligibility check, then the application, answering whichever
 * question the bot asks with the answer of the full application script (answers given during the eligibility
 * check are not asked again), then sends the recap card. Returns what was sent, to replay it for other users.
 */
export async function discoverScript(
  user: BenchUser,
  fr: TurnLanguage,
): Promise<ApplicantScript & { ms: number[] }> {
  const activities: UserActivity[] = [];
  const checkpoints: Checkpoint[] = [];
  const ms: number[] = [];
  const send = async (activity: UserActivity): Promise<BenchReply[]> => {
    activities.push(activity);
    const turn = await user.send(activity);
    ms.push(turn.ms);
    return turn.replies;
  };
  const expect = async (activity: UserActivity, key: string): Promise<void> => {
    const text = readableText(await send(activity));
    const expected = sentencePrefix(fr, key);
    if (!text.includes(expected)) throw new Error(`bench script: expected "${expected}", got:\n${text}`);
    checkpoints.push({ turn: activities.length - 1, expected });
  };
  const book = benchBook();
  const say = (text: string) => send({ type: 'message', text });
  /** Answers the questions asked, by id, until one turn asks none; the last answer becomes a checkpoint. */
  const answerThrough = async (first: BenchReply[], key: string) => {
    let replies = first;
    for (let turn = 0; turn < MAX_APPLICATION_TURNS; turn++) {
      const asked = questionAsked(replies);
      if (!asked) break;
      replies = await say(answerFor(book, asked));
    }
    const text = readableText(replies);
    if (questionAsked(replies))
      throw new Error(`bench script: still asking after ${MAX_APPLICATION_TURNS} answers`);
    const expected = sentencePrefix(fr, key);
    if (!text.includes(expected)) throw new Error(`bench script: expected "${expected}", got:\n${text}`);
    checkpoints.push({ turn: activities.length - 1, expected });
  };

  await send({ type: 'conversationUpdate', membersAdded: [{ id: user.userId }] });
  await answerThrough(await say('suis-je éligible ?'), 'eligibility:verdict.OK');
  await answerThrough(await say(fr.t('eligibility:next.apply')), 'applicationFlow:recap.submit');
  await expect(SUBMIT, 'applicationFlow:submit.done');
  return { activities, checkpoints, ms };
}

/** The book's SIRET, as its digits: found in the script's answer to replace it per applicant. */
const BOOK_SIRET = '73282932000074';
let companies = 0;

/** Luhn check digit that makes `digits` + it valid. */
function luhnDigit(digits: string): string {
  for (let digit = 0; digit < 10; digit++) {
    const candidate = `${digits}${digit}`;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let value = candidate.charCodeAt(candidate.length - 1 - i) - 48;
      if (i % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      sum += value;
    }
    if (sum % 10 === 0) return String(digit);
  }
  throw new Error('unreachable');
}

/** A valid SIRET of its own for each simulated applicant: a call gathers many companies, not one. */
function nextCompanySiret(): string {
  companies += 1;
  const siren = `${40_000_000 + companies}`;
  const withSiren = `${siren}${luhnDigit(siren)}0001`;
  return `${withSiren}${luhnDigit(withSiren)}`;
}

/** The activity with the book's SIRET replaced by this applicant's (spaces typed as in the book). */
function asCompany(activity: UserActivity, siret: string): UserActivity {
  const text = (activity as { text?: unknown }).text;
  if (typeof text !== 'string' || !text.replace(/\D/g, '').includes(BOOK_SIRET)) return activity;
  const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
  return { ...activity, text: text.replace(/\d[\d\s.]*\d/, spaced) } as UserActivity;
}

/**
 * Sends `script.activities` (the first `turns` of them) as one user; checks the checkpoints when asked to. Each
 * replayed applicant is its own company (a SIRET of its own), as the applicants of a call are: the script's
 * SIRET is replaced. (When every applicant was the same company, each submission flagged every earlier file
 * of that SIRET, one file rewrite each: a quadratic cost no real call has.)
 */
export async function replayScript(
  user: BenchUser,
  script: ApplicantScript,
  options: { turns?: number; check: boolean },
): Promise<number[]> {
  const ms: number[] = [];
  const turns = Math.min(options.turns ?? script.activities.length, script.activities.length);
  const siret = nextCompanySiret();
  for (let index = 0; index < turns; index++) {
    const activity = asCompany(script.activities[index]!, siret);
    let turn = await user.send(activity);
    if (isSubmit(activity) && !REFERENCE.test(readableText(turn.replies))) {
      // Every bench user is the same company: from the second on, the bot warns that its SIRET was already
      // sent, and "Envoyer" again is the owner's confirmation.
      ms.push(turn.ms);
      turn = await user.send(activity);
    }
    ms.push(turn.ms);
    if (options.check) checkTurn(script, index, turn.replies);
  }
  return ms;
}

function checkTurn(script: ApplicantScript, index: number, replies: BenchReply[]): void {
  for (const checkpoint of script.checkpoints) {
    if (checkpoint.turn !== index) continue;
    const text = readableText(replies);
    if (!text.includes(checkpoint.expected)) {
      throw new Error(`bench replay, turn ${index}: expected "${checkpoint.expected}", got:\n${text}`);
    }
  }
}
