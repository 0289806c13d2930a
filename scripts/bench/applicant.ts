import type { TurnLanguage } from '../../dialogs/translator.js';
import { FULL_APPLICATION } from '../../test/support/applicationScript.js';
import { readableText, type BenchReply, type BenchUser, type UserActivity } from './httpClient.js';

/** The answers of test/http/eligibility.test.ts: an SME of 12 people in the territory, machining, eligible. */
const ELIGIBILITY_TURNS = [
  'suis-je éligible ?',
  'à Saint-Christol-lès-Alès',
  'nous sommes douze',
  '1 200 000 €',
  'usinage de pièces mécaniques',
  'oui',
  'trois',
  'aucune',
  'aucune',
  'non',
  'développement',
  'oui',
];

const SUBMIT: UserActivity = { type: 'message', value: { action: 'submitApplication', entry: 'apply' } };
const MAX_APPLICATION_TURNS = 60;

/** Where each answer of test/support/applicationScript.ts is asked, when its prompt key is not its field key. */
const PROMPT_KEYS: Record<string, string> = {
  'company.postalCode': 'application:question.company.commune',
  'notice.acknowledgedAt': 'applicationFlow:notice.text',
};

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

/** The start date must stay in the future whatever day the bench runs. */
function answerFor(key: string, answer: string): string {
  return key === 'project.startDate' ? `fin mars ${new Date().getFullYear() + 1}` : answer;
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
  const send = async (activity: UserActivity): Promise<string> => {
    activities.push(activity);
    const turn = await user.send(activity);
    ms.push(turn.ms);
    return readableText(turn.replies);
  };
  const expect = async (activity: UserActivity, key: string): Promise<string> => {
    const text = await send(activity);
    const expected = sentencePrefix(fr, key);
    if (!text.includes(expected)) throw new Error(`bench script: expected "${expected}", got:\n${text}`);
    checkpoints.push({ turn: activities.length - 1, expected });
    return text;
  };

  await send({ type: 'conversationUpdate', membersAdded: [{ id: user.userId }] });
  for (const answer of ELIGIBILITY_TURNS.slice(0, -1)) await send({ type: 'message', text: answer });
  await expect({ type: 'message', text: ELIGIBILITY_TURNS.at(-1)! }, 'eligibility:verdict.OK');

  const questions = FULL_APPLICATION.map(([answer, key]) => ({
    prefix: sentencePrefix(fr, PROMPT_KEYS[key] ?? `application:question.${key}`),
    answer: answerFor(key, answer),
  }));
  const recapPrefix = sentencePrefix(fr, 'applicationFlow:recap.submit');
  let text = await send({ type: 'message', text: fr.t('eligibility:next.apply') });
  for (let turn = 0; turn < MAX_APPLICATION_TURNS; turn++) {
    if (text.includes(recapPrefix)) {
      await expect(SUBMIT, 'applicationFlow:submit.done');
      return { activities, checkpoints, ms };
    }
    const asked = questions
      .map((question) => ({ ...question, at: text.lastIndexOf(question.prefix) }))
      .filter((question) => question.at >= 0)
      .sort((a, b) => b.at - a.at)[0];
    if (!asked) throw new Error(`bench script: no known question in the bot's reply:\n${text}`);
    text = await send({ type: 'message', text: asked.answer });
  }
  throw new Error(`bench script: no recap after ${MAX_APPLICATION_TURNS} answers`);
}

/** Sends `script.activities` (the first `turns` of them) as one user; checks the checkpoints when asked to. */
export async function replayScript(
  user: BenchUser,
  script: ApplicantScript,
  options: { turns?: number; check: boolean },
): Promise<number[]> {
  const ms: number[] = [];
  const turns = Math.min(options.turns ?? script.activities.length, script.activities.length);
  for (let index = 0; index < turns; index++) {
    const turn = await user.send(script.activities[index]!);
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
