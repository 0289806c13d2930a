import type { ApplicantScript, Checkpoint } from './applicant.js';
import type { UserActivity } from './httpClient.js';
import { WATERFALL_TEXTS as TEXTS } from './waterfallTexts.js';

/** One pass through the waterfall: what the user answers at each prompt. */
interface Pass {
  transport: (typeof TEXTS.transportChoices)[number];
  name: string;
  /** An age refused by the validator first (the retry prompt), if any. */
  implausibleAge?: string;
  /** No age: "non" to "give your age?", and the waterfall skips the age prompt. */
  age?: { typed: string; value: number };
  keep: boolean;
}

/**
 * The passes a user goes through, in this order and again from the first, French answers (the users send fr-FR
 * like the applicants, so the prompts recognise in French). Three of them go through the age validator's retry,
 * one declines the age (and refuses the summary), one answers the age in words. With the greeting, the five
 * make 38 turns.
 */
const PASSES: Pass[] = [
  { transport: 'Car', name: 'Camille', age: { typed: '42', value: 42 }, keep: true },
  {
    transport: 'Car',
    name: 'Dominique',
    implausibleAge: '0',
    age: { typed: 'cinquante et un', value: 51 },
    keep: true,
  },
  { transport: 'Bicycle', name: 'Sacha', keep: false },
  { transport: 'Bus', name: 'Lou', implausibleAge: '200', age: { typed: '37', value: 37 }, keep: true },
  { transport: 'Bus', name: 'Maxime', implausibleAge: '151', age: { typed: '29', value: 29 }, keep: true },
];

/**
 * The fixed script of a waterfall user, `turns` long (as many turns as a bot applicant makes, so that both keep
 * a conversation as long): the greeting, then the passes one after the other, the last one cut where the count
 * is reached (left in progress, as a conversation can be). With the replies each turn must contain: a reply
 * missing (a prompt not asked, an answer not recognised, a value lost between turns) fails the bench as the
 * bot's checkpoints do.
 */
export function waterfallScript(turns: number): ApplicantScript {
  const activities: UserActivity[] = [];
  const checkpoints: Checkpoint[] = [];
  const turn = (activity: UserActivity, ...expected: string[]) => {
    activities.push(activity);
    for (const text of expected) checkpoints.push({ turn: activities.length - 1, expected: text });
  };
  const say = (text: string, ...expected: string[]) => turn({ type: 'message', text }, ...expected);

  turn({ type: 'conversationUpdate', membersAdded: [{ id: 'user' }] });
  for (let index = 0; activities.length < turns; index++) {
    const pass = PASSES[index % PASSES.length]!;
    say('bonjour', TEXTS.transport);
    say(pass.transport, TEXTS.name);
    say(pass.name, TEXTS.thanks(pass.name), TEXTS.askAge);
    if (pass.age) {
      say('oui', TEXTS.age);
      if (pass.implausibleAge) say(pass.implausibleAge, TEXTS.ageRetry);
      say(pass.age.typed, TEXTS.ageIs(pass.age.value), TEXTS.picture);
    } else {
      say('non', TEXTS.noAge, TEXTS.picture);
    }
    say(
      'passer',
      TEXTS.noPicture,
      TEXTS.summary(pass.transport, pass.name, pass.age?.value ?? -1),
      TEXTS.confirm,
    );
    say(pass.keep ? 'oui' : 'non', pass.keep ? TEXTS.saved : TEXTS.notKept);
  }
  return {
    activities: activities.slice(0, turns),
    checkpoints: checkpoints.filter((checkpoint) => checkpoint.turn < turns),
  };
}
