import { APPLICATION_FORM } from '../../dialogs/domain/applicationForm.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../dialogs/domain/applicationStatus.js';
import { ELIGIBILITY } from '../../dialogs/domain/eligibilityRuleSet.js';
import {
  FUNNEL_STEP,
  questionOfStep,
  questionStep,
  type FunnelFlow,
} from '../../dialogs/domain/funnelSteps.js';
import { EFFECTS, type Effect, type ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { wallClockIn } from '../../dialogs/domain/zonedTime.js';
import type { ApplicationQueue, StoredApplication } from '../../storage/applicationQueue.js';
import { totalCounts, type FunnelCounts, type FunnelStore } from '../../storage/funnelStore.js';

/** The committee's figures (issue 18): the same object feeds the page, `GET /api/statistics` and the CLI. */
export interface ProgrammeStatistics {
  /** The day the figures were computed, in the programme's time zone. */
  asOf: string;
  files: { total: number; byStatus: { status: ApplicationStatus; count: number }[] };
  /** By the commune of the establishment; `null` for a file without one. Most files first. */
  communes: { commune: string | null; count: number }[];
  amounts: AmountFigures;
  jobs: JobFigures;
  decisions: DecisionRow[];
  funnel: FunnelFigures;
}

/** The advances asked (euros) by the files still in play (neither withdrawn nor refused) and by the accepted. */
export interface AmountFigures {
  asked: number;
  accepted: number;
  budget: number | null;
  /** asked ÷ budget and accepted ÷ budget (0.48 is 48 %); null without a budget. */
  askedShare: number | null;
  acceptedShare: number | null;
}

/** Jobs created + kept planned by the files submitted within the target period. */
export interface JobFigures {
  target: number;
  months: number;
  /** The target period, `from` included, `to` excluded (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Planned by the accepted files: what the programme counts towards its target. */
  accepted: { created: number; kept: number; total: number };
  /** Planned by the files still under examination (received, in review, incomplete). */
  pending: { created: number; kept: number; total: number };
  /** accepted.total ÷ target. */
  share: number;
}

/** The decisions of one committee date (`date` null: decided before the first committee date of the settings). */
export interface DecisionRow {
  date: string | null;
  accepted: number;
  rejected: number;
}

export interface FunnelQuestion {
  key: string;
  reached: number;
  /**
   * At least this many stopped at this question: those who reached it less the most who reached any later step.
   * A lower bound (the counts are anonymous: nobody is followed from one step to the next).
   */
  stopped: number;
}

export interface FunnelFigures {
  /** The months counted, first and last (YYYY-MM), or null when nothing was counted yet. */
  months: { from: string; to: string } | null;
  check: { started: number; questions: FunnelQuestion[]; verdicts: Record<Effect, number> };
  application: { started: number; questions: FunnelQuestion[]; submitted: number };
}

export interface StatisticsInput {
  files: readonly StoredApplication[];
  funnel: FunnelCounts;
  settings: ProgrammeSettings;
  now: Date;
  /** The questions in the order they are asked (the programme's rules and form by default). */
  order?: { check: readonly string[]; application: readonly string[] };
}

const IN_PLAY: readonly ApplicationStatus[] = ['received', 'in_review', 'incomplete', 'accepted'];
const PENDING: readonly ApplicationStatus[] = ['received', 'in_review', 'incomplete'];
const DEFAULT_ORDER = {
  check: ELIGIBILITY.questions.map((question) => question.key),
  application: APPLICATION_FORM.map((field) => field.key),
};

/** Reads the queue and the funnel, then computes (statisticsOf). */
export async function computeStatistics(input: {
  queue: ApplicationQueue;
  funnel: FunnelStore;
  settings: ProgrammeSettings;
  now: Date;
}): Promise<ProgrammeStatistics> {
  const [files, funnel] = await Promise.all([input.queue.list(), input.funnel.read()]);
  return statisticsOf({ files, funnel, settings: input.settings, now: input.now });
}

/** The figures of these files and counts: a pure function of its input (the clock included). */
export function statisticsOf(input: StatisticsInput): ProgrammeStatistics {
  const { files, settings, now } = input;
  const timeZone = settings.timeZone;
  const countOf = (status: ApplicationStatus) => files.filter((file) => file.status === status).length;
  return {
    asOf: dayIn(now, timeZone),
    files: {
      total: files.length,
      byStatus: APPLICATION_STATUSES.map((status) => ({ status, count: countOf(status) })),
    },
    communes: communesOf(files),
    amounts: amountsOf(files, settings.budget),
    jobs: jobsOf(files, settings),
    decisions: decisionsOf(files, settings, now),
    funnel: funnelOf(input.funnel, input.order ?? DEFAULT_ORDER),
  };
}

function communesOf(files: readonly StoredApplication[]): ProgrammeStatistics['communes'] {
  const counts = new Map<string | null, number>();
  for (const file of files) {
    const raw = file.data['company.commune'];
    const commune = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
    counts.set(commune, (counts.get(commune) ?? 0) + 1);
  }
  return [...counts]
    .map(([commune, count]) => ({ commune, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.commune === null ? 1 : b.commune === null ? -1 : a.commune.localeCompare(b.commune, 'fr')),
    );
}

const numberOf = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
const sumOf = (files: readonly StoredApplication[], key: string) =>
  files.reduce((sum, file) => sum + numberOf(file.data[key]), 0);

function amountsOf(files: readonly StoredApplication[], budget: number | null): AmountFigures {
  const asked = sumOf(
    files.filter((file) => IN_PLAY.includes(file.status)),
    'project.amountRequested',
  );
  const accepted = sumOf(
    files.filter((file) => file.status === 'accepted'),
    'project.amountRequested',
  );
  return {
    asked,
    accepted,
    budget,
    askedShare: budget ? asked / budget : null,
    acceptedShare: budget ? accepted / budget : null,
  };
}

function jobsOf(files: readonly StoredApplication[], settings: ProgrammeSettings): JobFigures {
  const { jobs: target, months, startsOn } = settings.jobsTarget;
  const from = startsOn ?? settings.calls[0].opensOn;
  const to = addMonths(from, months);
  const within = files.filter((file) => {
    const day = dayIn(new Date(file.submittedAt), settings.timeZone);
    return day >= from && day < to;
  });
  const planned = (statuses: readonly ApplicationStatus[]) => {
    const chosen = within.filter((file) => statuses.includes(file.status));
    const created = sumOf(chosen, 'project.jobsCreated');
    const kept = sumOf(chosen, 'project.jobsKept');
    return { created, kept, total: created + kept };
  };
  const accepted = planned(['accepted']);
  return { target, months, from, to, accepted, pending: planned(PENDING), share: accepted.total / target };
}

/**
 * Each decision (a history line to accepted or rejected) belongs to the last committee date on or before the
 * day it was recorded: the committee meets, the decisions are entered that day or the days after.
 */
function decisionsOf(
  files: readonly StoredApplication[],
  settings: ProgrammeSettings,
  now: Date,
): DecisionRow[] {
  const today = dayIn(now, settings.timeZone);
  const dates = settings.committeeDates.filter((date) => date <= today);
  const rows = new Map<string | null, DecisionRow>(
    dates.map((date) => [date, { date, accepted: 0, rejected: 0 }]),
  );
  for (const file of files) {
    for (const line of file.history) {
      if (line.kind !== undefined || (line.to !== 'accepted' && line.to !== 'rejected')) continue;
      const day = dayIn(new Date(line.at), settings.timeZone);
      const date = settings.committeeDates.filter((committee) => committee <= day).at(-1) ?? null;
      const row = rows.get(date) ?? { date, accepted: 0, rejected: 0 };
      row[line.to] += 1;
      rows.set(date, row);
    }
  }
  return [...rows.values()].sort((a, b) =>
    a.date === null ? -1 : b.date === null ? 1 : a.date.localeCompare(b.date),
  );
}

function funnelOf(counts: FunnelCounts, order: StatisticsInput['order'] & object): FunnelFigures {
  const total = totalCounts(counts);
  const months = Object.keys(counts).sort();
  const verdicts = Object.fromEntries(
    EFFECTS.map((effect) => [effect, total[FUNNEL_STEP.verdict(effect)] ?? 0]),
  );
  const checkDone = EFFECTS.reduce((sum, effect) => sum + (verdicts[effect] ?? 0), 0);
  const submitted = total[FUNNEL_STEP.applicationSubmitted] ?? 0;
  return {
    months: months.length > 0 ? { from: months[0], to: months.at(-1)! } : null,
    check: {
      started: total[FUNNEL_STEP.checkStarted] ?? 0,
      questions: questionsOf(total, 'check', order.check, checkDone),
      verdicts: verdicts as Record<Effect, number>,
    },
    application: {
      started: total[FUNNEL_STEP.applicationStarted] ?? 0,
      questions: questionsOf(total, 'application', order.application, submitted),
      submitted,
    },
  };
}

/** The questions reached, in the order they are asked; one no longer asked (counted before a change) comes last. */
function questionsOf(
  total: Record<string, number>,
  flow: FunnelFlow,
  order: readonly string[],
  finished: number,
): FunnelQuestion[] {
  const counted = Object.keys(total)
    .map((step) => questionOfStep(flow, step))
    .filter((key): key is string => key !== undefined);
  const keys = [
    ...order.filter((key) => counted.includes(key)),
    ...counted.filter((key) => !order.includes(key)).sort(),
  ];
  const reached = keys.map((key) => total[questionStep(flow, key)] ?? 0);
  return keys.map((key, index) => {
    const later = Math.max(finished, ...reached.slice(index + 1));
    return { key, reached: reached[index], stopped: Math.max(0, reached[index] - later) };
  });
}

/** YYYY-MM-DD of an instant on the programme's wall clock. */
function dayIn(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) return '';
  const { year, month, day } = wallClockIn(instant, timeZone).date;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addMonths(isoDay: string, months: number): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + months, day)).toISOString().slice(0, 10);
}
