import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callWindowStatus, nextCommitteeDate } from '../../dialogs/domain/eligibilityVerdict.js';
import {
  SettingsError,
  loadProgrammeSettings,
  parseProgrammeSettings,
} from '../../dialogs/domain/programmeSettings.js';
import { SETTINGS_FIXTURE } from '../support/programmeFixture.js';

/** The frozen fixture: the tests of the rules never depend on what the CCI writes in its settings file. */
const SETTINGS_FILE = SETTINGS_FIXTURE;
/** The file the product ships: only checked to load with DOMAIN.md's territory. */
const SHIPPED_FILE = 'programme/alize.settings.json';

type Json = Record<string, unknown>;
let rawSettings: Json;
let folder: string;

beforeAll(async () => {
  rawSettings = JSON.parse(await readFile(SETTINGS_FILE, 'utf8')) as Json;
});
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'alize-settings-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A copy of the default settings with `change` applied. */
function edited(change: (settings: Json) => void): Json {
  const copy = structuredClone(rawSettings);
  change(copy);
  return copy;
}
const section = (settings: Json, key: string) => settings[key] as Json;

function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof SettingsError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('the default settings file', () => {
  test('loads, with every value DOMAIN.md gives', () => {
    const settings = loadProgrammeSettings(SHIPPED_FILE);
    expect(settings.territory).toMatchObject({ epci: '200066918', department: '30' });
    expect(settings.territory.inseeCodes).toHaveLength(71);
    expect(settings.territory.inseeCodes).toEqual(
      expect.arrayContaining(['30007', '30243', '30294', '30132']),
    );
    expect(settings.smeThresholds).toEqual({
      headcount: 250,
      turnover: 50_000_000,
      balanceSheet: 43_000_000,
    });
    expect(settings.jobs).toEqual({ minimum: 1, horizonMonths: 24 });
    expect(settings.deMinimis).toEqual({ ceiling: 300_000, periodYears: 3 });
    expect(settings.advance).toEqual({ min: 5_000, max: 50_000 });
    expect(settings.mentoring).toEqual({ maxMonths: 18 });
    expect(settings.retention).toEqual({ draftIdleDays: 180, fileYearsAfterDecision: 5 });
    expect(settings.officeHours.periods).toEqual([
      { from: '08:30', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ]);
    expect(settings.timeZone).toBe('Europe/Paris');
    expect(settings.otherHelp.map((help) => help.key)).toEqual([
      'initiativeGard',
      'bpifrance',
      'adocc',
      'cciAdvisors',
    ]);
    expect(settings.advisorsHandoff).toBeNull();
  });

  test('the territory codes are sorted, as scripts/buildTerritory.ts writes them', () => {
    const codes = loadProgrammeSettings(SHIPPED_FILE).territory.inseeCodes;
    expect(codes).toEqual([...codes].sort());
  });

  test('the statistics settings: no budget until the CCI sets one, and 60 jobs over 24 months by default', () => {
    expect(loadProgrammeSettings(SHIPPED_FILE)).toMatchObject({
      budget: null,
      jobsTarget: { jobs: 60, months: 24 },
    });
    const absent = parseProgrammeSettings(
      edited((json) => {
        delete json.budget;
        delete json.jobsTarget;
      }),
    );
    expect(absent.budget).toBeNull();
    expect(absent.jobsTarget).toEqual({ jobs: 60, months: 24 });
    const set = parseProgrammeSettings(
      edited((json) => {
        json.budget = 400_000;
        json.jobsTarget = { jobs: 80, months: 36, startsOn: '2026-09-01' };
      }),
    );
    expect(set).toMatchObject({
      budget: 400_000,
      jobsTarget: { jobs: 80, months: 36, startsOn: '2026-09-01' },
    });
  });

  test('advisorsHandoff may be left out: it defaults to null', () => {
    const settings = parseProgrammeSettings(edited((json) => delete json.advisorsHandoff));
    expect(settings.advisorsHandoff).toBeNull();
  });
});

describe('a broken settings file is refused with every problem, one per line', () => {
  test('invalid JSON names the file, the line and the column', async () => {
    const file = path.join(folder, 'broken.json');
    await writeFile(file, '{\n  "timeZone": "Europe/Paris",\n  "territory": {,\n}');
    const problems = problemsOf(() => loadProgrammeSettings(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(`^programme settings \\(${file}\\): invalid JSON \\(line 3, column 17\\)`),
    );
  });

  test('a typo in a key is named, and so is the key it should have been', () => {
    const typo = edited((json) => (json.mentoring = { maxMonth: 18 }));
    expect(problemsOf(() => parseProgrammeSettings(typo, 'test.json')).sort()).toEqual([
      'programme settings (test.json): mentoring.maxMonths: missing',
      'programme settings (test.json): mentoring: unknown key maxMonth',
    ]);
  });

  test('a missing file says so', () => {
    const file = path.join(folder, 'absent.json');
    expect(problemsOf(() => loadProgrammeSettings(file))).toEqual([
      `programme settings (${file}): cannot read the file (ENOENT)`,
    ]);
  });

  test('a negative threshold, a call closing before it opens and a missing territory are all named', async () => {
    const file = path.join(folder, 'x.json');
    const broken = edited((json) => {
      section(json, 'smeThresholds').headcount = -250;
      (json.calls as Json[])[0] = { opensOn: '2026-12-21', closesOn: '2026-09-01' };
      delete json.territory;
    });
    await writeFile(file, JSON.stringify(broken));
    expect(problemsOf(() => loadProgrammeSettings(file)).sort()).toEqual(
      [
        `programme settings (${file}): territory: missing`,
        `programme settings (${file}): smeThresholds.headcount: expected a positive integer`,
        `programme settings (${file}): calls[0].closesOn: closesOn must come after opensOn`,
      ].sort(),
    );
  });

  // prettier-ignore
  test.each<[string, (json: Json) => void, string]>([
    ['advance bounds reversed', (j) => (j.advance = { min: 60_000, max: 50_000 }), 'advance.min: min must not exceed max'],
    ['a 4-digit INSEE code', (j) => (section(j, 'territory').inseeCodes = ['3007']), 'territory.inseeCodes[0]: expected a 5-character INSEE code'],
    ['a duplicate INSEE code', (j) => (section(j, 'territory').inseeCodes = ['30007', '30007']), 'territory.inseeCodes[1]: duplicate 30007'],
    ['an empty territory', (j) => (section(j, 'territory').inseeCodes = []), 'territory.inseeCodes: expected at least one INSEE code'],
    ['an unknown section letter', (j) => (section(j, 'sectors').sections = { Z: 'OK' }), 'sectors.sections: unknown key Z'],
    ['an unknown division', (j) => (section(j, 'sectors').divisions = { '83': 'OK' }), 'sectors.divisions.83: expected a NAF division like "49"'],
    ['an unknown effect', (j) => (section(j, 'sectors').default = 'MAYBE'), 'sectors.default: expected one of OK, REVIEW, NO'],
    ['an impossible date', (j) => (j.committeeDates = ['2026-02-30']), 'committeeDates[0]: expected a real date written YYYY-MM-DD'],
    ['a French date', (j) => (j.committeeDates = ['15/10/2026']), 'committeeDates[0]: expected a real date written YYYY-MM-DD'],
    ['overlapping calls', (j) => (j.calls = [{ opensOn: '2026-09-01', closesOn: '2026-12-21' }, { opensOn: '2026-12-01', closesOn: '2027-01-31' }]), 'calls: calls overlap: one opens 2026-12-01'],
    ['no call at all', (j) => (j.calls = []), 'calls: expected at least one call'],
    ['an office period reversed', (j) => (section(j, 'officeHours').periods = [{ from: '17:30', to: '13:30' }]), 'officeHours.periods[0].to: "to" must come after "from"'],
    ['a time without minutes', (j) => (section(j, 'officeHours').periods = [{ from: '8h30', to: '12:00' }]), 'officeHours.periods[0].from: expected a time HH:MM'],
    ['a French weekday', (j) => (section(j, 'officeHours').days = ['lundi']), 'officeHours.days[0]: expected a weekday in English, e.g. "monday"'],
    ['an unknown time zone', (j) => (j.timeZone = 'Europe/Ales'), 'timeZone: expected an IANA time zone like Europe/Paris'],
    ['a turnover written as text', (j) => (section(j, 'smeThresholds').turnover = '50 M€'), 'smeThresholds.turnover: expected a positive integer'],
    ['zero jobs required', (j) => (section(j, 'jobs').minimum = 0), 'jobs.minimum: expected a positive integer'],
    ['a bad DPO e-mail', (j) => (section(j, 'dataProtection').dpoEmail = 'dpo'), 'dataProtection.dpoEmail: expected an e-mail address'],
    ['an accessibility state RGAA does not know', (j) => (section(section(j, 'legal'), 'accessibility').conformity = 'conforme'), 'legal.accessibility.conformity: expected nonCompliant, partiallyCompliant or compliant'],
    ['a statement date in French', (j) => (section(section(j, 'legal'), 'accessibility').statementDate = '4 décembre 2026'), 'legal.accessibility.statementDate: expected a real date written YYYY-MM-DD'],
    ['a legal contact that is no e-mail', (j) => (section(j, 'legal').contactEmail = 'accueil'), 'legal.contactEmail: expected an e-mail address'],
    ['a help without URL', (j) => delete (j.otherHelp as Json[])[1].url, 'otherHelp[1].url: missing'],
    ['a locale key without its namespace', (j) => ((j.otherHelp as Json[])[0].descriptionKey = 'otherHelp.x'), 'otherHelp[0].descriptionKey: expected a key like "ns:some.key"'],
    ['a budget written as text', (j) => (j.budget = '250 000 €'), 'budget: expected a positive integer'],
    ['a jobs target of none', (j) => (j.jobsTarget = { jobs: 0, months: 24 }), 'jobsTarget.jobs: expected a positive integer'],
    ['a jobs target without its period', (j) => (j.jobsTarget = { jobs: 60 }), 'jobsTarget.months: missing'],
    ['a jobs target starting on a French date', (j) => (j.jobsTarget = { jobs: 60, months: 24, startsOn: '01/09/2026' }), 'jobsTarget.startsOn: expected a real date written YYYY-MM-DD'],
    ['a document key with a space', (j) => (j.documents = ['kbis', 'tax certificate']), 'documents[1]: expected a camelCase key'],
  ])('%s', (_case, change, problem) => {
    expect(problemsOf(() => parseProgrammeSettings(edited(change), 'test.json'))).toEqual([
      `programme settings (test.json): ${problem}`,
    ]);
  });
});

describe('the call window and the committee, in Paris time', () => {
  const settings = loadProgrammeSettings(SETTINGS_FILE); // calls 2026-09-01→2026-12-21 and 2027-03-01→2027-06-30

  test.each([
    ['2026-05-01T10:00:00Z', { state: 'before', opensOn: '2026-09-01' }],
    ['2026-08-31T21:59:00Z', { state: 'before', opensOn: '2026-09-01' }],
    ['2026-08-31T22:30:00Z', { state: 'open', closesOn: '2026-12-21' }], // 00:30 on 1 September in Paris
    ['2026-12-21T22:30:00Z', { state: 'open', closesOn: '2026-12-21' }], // 23:30 on the closing day
    ['2026-12-21T23:30:00Z', { state: 'after', closedOn: '2026-12-21', nextOpensOn: '2027-03-01' }],
    ['2027-02-28T12:00:00Z', { state: 'after', closedOn: '2026-12-21', nextOpensOn: '2027-03-01' }],
    ['2027-03-01T08:00:00Z', { state: 'open', closesOn: '2027-06-30' }],
    ['2027-07-01T08:00:00Z', { state: 'after', closedOn: '2027-06-30' }],
  ])('at %s the call is %j', (instant, status) => {
    expect(callWindowStatus(settings, new Date(instant))).toEqual(status);
  });

  test.each([
    ['2026-01-10T10:00:00Z', '2026-06-18'],
    ['2026-06-18T21:00:00Z', '2026-06-18'], // 23:00 on the day of the committee
    ['2026-06-18T22:30:00Z', '2026-10-15'],
    ['2026-12-22T10:00:00Z', '2027-02-11'],
    ['2027-10-15T10:00:00Z', null],
  ])('on %s the next committee is %s', (instant, date) => {
    expect(nextCommitteeDate(settings, new Date(instant))).toBe(date);
  });
});
