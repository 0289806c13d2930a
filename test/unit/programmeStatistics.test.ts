import type { ApplicationStatus } from '../../dialogs/domain/applicationStatus.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { statisticsOf } from '../../committee/statistics/programmeStatistics.js';
import type { StoredApplication } from '../../storage/applicationQueue.js';
import type { FunnelCounts } from '../../storage/funnelStore.js';
import { TEST_NOW, settings } from '../support/programmeFixture.js';
import { statisticsFile } from '../support/statisticsFiles.js';

/** The fixture's settings (calls from 2026-09-01, committees 2026-06-18, 2026-10-15…) with a budget of 400 000 €. */
const programme: ProgrammeSettings = { ...settings, budget: 400_000 };

/** A file as the queue stores it, with only what the statistics read. */
const file = statisticsFile;

const of = (files: StoredApplication[], funnel: FunnelCounts = {}, programmeSettings = programme) =>
  statisticsOf({ files, funnel, settings: programmeSettings, now: TEST_NOW });

describe('files by status and by commune', () => {
  test('every status is listed, zeros included, in the order of the review', () => {
    const stats = of([
      file('received', {}),
      file('received', {}),
      file('accepted', {}),
      file('withdrawn', {}),
    ]);
    expect(stats.files).toEqual({
      total: 4,
      byStatus: [
        { status: 'received', count: 2 },
        { status: 'in_review', count: 0 },
        { status: 'incomplete', count: 0 },
        { status: 'accepted', count: 1 },
        { status: 'rejected', count: 0 },
        { status: 'withdrawn', count: 1 },
      ],
    });
  });

  test.each<[string, Record<string, unknown>[], { commune: string | null; count: number }[]]>([
    ['none', [], []],
    [
      'most files first, then by name in French order (files without a commune after the named ones of their count)',
      [
        { 'company.commune': 'Saint-Christol-lez-Alès' },
        { 'company.commune': 'Alès' },
        { 'company.commune': 'Anduze' },
        { 'company.commune': 'Alès' },
        {},
        { 'company.commune': '  ' },
      ],
      [
        { commune: 'Alès', count: 2 },
        { commune: null, count: 2 },
        { commune: 'Anduze', count: 1 },
        { commune: 'Saint-Christol-lez-Alès', count: 1 },
      ],
    ],
  ])('communes: %s', (_case, data, expected) => {
    expect(of(data.map((d) => file('received', d))).communes).toEqual(expected);
  });
});

describe('amounts asked against the budget', () => {
  test.each<[string, [ApplicationStatus, number | string][], number | null, object]>([
    ['nothing asked', [], 400_000, { asked: 0, accepted: 0, askedShare: 0, acceptedShare: 0 }],
    [
      'withdrawn and refused files no longer ask; the accepted are counted apart',
      [
        ['received', 50_000],
        ['in_review', 30_000],
        ['accepted', 40_000],
        ['rejected', 50_000],
        ['withdrawn', 20_000],
      ],
      400_000,
      { asked: 120_000, accepted: 40_000, askedShare: 0.3, acceptedShare: 0.1 },
    ],
    ['an amount that is no number is left out', [['received', '30 000 €']], 400_000, { asked: 0 }],
    [
      'no budget set: no share',
      [['received', 50_000]],
      null,
      { asked: 50_000, askedShare: null, acceptedShare: null },
    ],
  ])('%s', (_case, files, budget, expected) => {
    const stats = of(
      files.map(([status, amount]) => file(status, { 'project.amountRequested': amount })),
      {},
      { ...programme, budget },
    );
    expect(stats.amounts).toMatchObject({ budget, ...expected });
  });
});

describe('jobs planned against the target, within its period', () => {
  const jobs = (created: number, kept: number) => ({
    'project.jobsCreated': created,
    'project.jobsKept': kept,
  });

  test('accepted files count towards the target; files under examination are shown apart; others not', () => {
    const stats = of([
      file('accepted', jobs(3, 2)),
      file('accepted', jobs(10, 0)),
      file('in_review', jobs(4, 4)),
      file('rejected', jobs(20, 0)),
      file('withdrawn', jobs(5, 0)),
    ]);
    expect(stats.jobs).toEqual({
      target: 60,
      months: 24,
      // No startsOn in the fixture: the period starts with its first call.
      from: '2026-09-01',
      to: '2028-09-01',
      accepted: { created: 13, kept: 2, total: 15 },
      pending: { created: 4, kept: 4, total: 8 },
      share: 0.25,
    });
  });

  test.each([
    ['the evening before the period, in Paris', '2026-08-31T21:59:00.000Z', 0],
    ['its first day, just after midnight in Paris', '2026-08-31T22:01:00.000Z', 5],
    ['its last day', '2028-08-31T12:00:00.000Z', 5],
    ['the day after it ended', '2028-09-01T12:00:00.000Z', 0],
  ])('a file submitted %s', (_case, submittedAt, counted) => {
    expect(of([file('accepted', jobs(5, 0), { submittedAt })]).jobs.accepted.total).toBe(counted);
  });

  test('the target and its start are the settings’', () => {
    const custom = { ...programme, jobsTarget: { jobs: 40, months: 12, startsOn: '2026-10-01' } };
    const stats = of([file('accepted', jobs(10, 0), { submittedAt: '2026-09-20T10:00:00Z' })], {}, custom);
    expect(stats.jobs).toMatchObject({ target: 40, from: '2026-10-01', to: '2027-10-01', share: 0 });
  });
});

describe('decisions per committee date', () => {
  test('each decision under the last committee date on or before it; past dates with none are shown', () => {
    const stats = of([
      file('accepted', {}, { decidedAt: '2026-10-15T16:00:00Z' }),
      file('rejected', {}, { decidedAt: '2026-10-16T09:00:00Z' }),
      file('accepted', {}, { decidedAt: '2026-03-02T09:00:00Z' }),
      file('in_review', {}),
    ]);
    // TEST_NOW is 26 November 2026: the committees of 18 June and 15 October are past, 11 February 2027 is not.
    expect(stats.decisions).toEqual([
      { date: null, accepted: 1, rejected: 0 },
      { date: '2026-06-18', accepted: 0, rejected: 0 },
      { date: '2026-10-15', accepted: 1, rejected: 1 },
    ]);
  });

  test('a correction request or a document added is no decision', () => {
    const decided = file('accepted', {}, { decidedAt: '2026-10-15T16:00:00Z' });
    decided.history.push({
      at: '2026-10-20T10:00:00Z',
      by: 'user-1',
      from: 'accepted',
      to: 'accepted',
      kind: 'correctionRequest',
    });
    expect(of([decided]).decisions.find((row) => row.date === '2026-10-15')).toEqual({
      date: '2026-10-15',
      accepted: 1,
      rejected: 0,
    });
  });
});

describe('the funnel', () => {
  const order = { check: ['commune', 'headcount', 'jobs'], application: ['company.name', 'company.siret'] };
  const funnelOf = (funnel: FunnelCounts) =>
    statisticsOf({ files: [], funnel, settings: programme, now: TEST_NOW, order }).funnel;

  test('nothing counted yet', () => {
    expect(funnelOf({})).toEqual({
      months: null,
      check: { started: 0, questions: [], verdicts: { OK: 0, REVIEW: 0, NO: 0 } },
      application: { started: 0, questions: [], submitted: 0 },
    });
  });

  test('summed over the months, in the order asked, with where people stop', () => {
    const funnel = funnelOf({
      '2026-10': { 'check.started': 6, 'check.question.commune': 6, 'check.question.headcount': 5 },
      '2026-11': {
        'check.started': 4,
        'check.question.commune': 4,
        'check.question.headcount': 3,
        'check.question.jobs': 6,
        'check.question.oldQuestion': 1,
        'check.verdict.OK': 3,
        'check.verdict.REVIEW': 1,
        'check.verdict.NO': 1,
        'application.started': 3,
        'application.question.company.name': 3,
        'application.question.company.siret': 2,
        'application.submitted': 2,
      },
    });
    expect(funnel.months).toEqual({ from: '2026-10', to: '2026-11' });
    expect(funnel.check).toEqual({
      started: 10,
      questions: [
        { key: 'commune', reached: 10, stopped: 2 },
        { key: 'headcount', reached: 8, stopped: 2 },
        { key: 'jobs', reached: 6, stopped: 1 },
        // A question no longer asked comes last.
        { key: 'oldQuestion', reached: 1, stopped: 0 },
      ],
      verdicts: { OK: 3, REVIEW: 1, NO: 1 },
    });
    expect(funnel.application).toEqual({
      started: 3,
      questions: [
        { key: 'company.name', reached: 3, stopped: 1 },
        { key: 'company.siret', reached: 2, stopped: 0 },
      ],
      submitted: 2,
    });
  });
});

test('the day of the figures is the programme’s', () => {
  expect(of([]).asOf).toBe('2026-11-26');
});
