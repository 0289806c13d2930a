import { todayIn } from '../french/dateCalendar.js';
import type { Effect } from './programmeSettings.js';

/**
 * The steps of the funnel the bot counts anonymously (storage/funnelStore.ts): names of steps and of questions,
 * never an answer, a user or a conversation. `check.question.commune` is "reached the commune question of the
 * check", `application.question.company.siret` the SIRET question of the file.
 */
export type FunnelFlow = 'check' | 'application';

export const FUNNEL_STEP = {
  checkStarted: 'check.started',
  checkQuestion: (key: string) => `check.question.${key}`,
  verdict: (verdict: Effect) => `check.verdict.${verdict}`,
  applicationStarted: 'application.started',
  applicationQuestion: (key: string) => `application.question.${key}`,
  applicationSubmitted: 'application.submitted',
} as const;

export const questionStep = (flow: FunnelFlow, key: string): string =>
  flow === 'check' ? FUNNEL_STEP.checkQuestion(key) : FUNNEL_STEP.applicationQuestion(key);

/**
 * What a step may look like: a flow, then letters, digits and dots (question keys). Anything else is refused
 * before it is stored, so no free text can ever land in the funnel, and it is a valid Azure Tables row key.
 */
const STEP_PATTERN = /^(check|application)\.[A-Za-z][A-Za-z0-9.]{0,99}$/;

export function isFunnelStep(step: string): boolean {
  return STEP_PATTERN.test(step);
}

/** The question key of a `<flow>.question.<key>` step, or undefined for another step. */
export function questionOfStep(flow: FunnelFlow, step: string): string | undefined {
  const prefix = `${flow}.question.`;
  return step.startsWith(prefix) ? step.slice(prefix.length) : undefined;
}

/** `2026-11`: the month of an instant in the programme's time zone (the finest time the funnel keeps). */
export function funnelMonth(instant: Date, timeZone: string): string {
  // todayIn keeps one formatter per zone: building an Intl.DateTimeFormat on every turn was a tenth of our CPU.
  const { year, month } = todayIn(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function isFunnelMonth(month: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
}
