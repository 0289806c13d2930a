import type { Activity } from 'botbuilder';

/** Longest answer we read: a project description is at most 2 000 characters; anything beyond is noise. */
export const MAX_ANSWER_LENGTH = 4000;

/**
 * The user's answer as text. Card submits arrive as a message with a `value` and no text: a button of ours
 * carries `{ answer: "..." }`; anything else in `value` is ignored rather than trusted.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function answerText(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  if (text.trim() === '' && activity.value && typeof activity.value === 'object') {
    const answer = (activity.value as Record<string, unknown>).answer;
    if (typeof answer === 'string' || typeof answer === 'number') text = String(answer);
  }
  // Control characters other than newlines and tabs carry no meaning in an answer.
  return text.replace(CONTROL_CHARACTERS, '').slice(0, MAX_ANSWER_LENGTH).trim();
}
