import { contactRequestView, displayUserId } from '../../storage/displayUserId.js';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Localizer } from '../../bot/i18n.js';
import { columnLabel } from '../../committee/committeeLabels.js';
import { committeeText } from '../support/committeeText.js';
import {
  APPLICATION_COLUMNS,
  CorruptJsonFileError,
  createLowdbApplicationQueue,
  createLowdbContactRequestStore,
  type NewApplication,
} from '../../storage/index.js';

// The compiled CLI, as `npm run committee` runs it: dist/test/http/ → dist/committee/committeeCli.js.
const CLI = fileURLToPath(new URL('../../committee/committeeCli.js', import.meta.url));
const localizer = new Localizer();
const fr = localizer.language('fr');
const en = localizer.language('en');

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

// An empty working directory of our own, so that no stray .env is read.
let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'alize-cwd-'));
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

function runCli(
  args: string[],
  options: { dataDir?: string; cwd?: string; lang?: string } = {},
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: options.lang ?? 'fr_FR.UTF-8' };
  delete env.DATA_DIR;
  if (options.dataDir !== undefined) env.DATA_DIR = options.dataDir;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd: options.cwd ?? workDir });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const MARCH = new Date('2026-03-16T09:30:00.000Z');

const FIRST: NewApplication = {
  channel: 'webchat',
  origin: 'applicant',
  userId: 'user-1',
  eligibility: { verdict: 'OK', reasons: [] },
  data: {
    'company.name': 'Cévennes Usinage',
    'company.siret': '73282932000074',
    'company.postalCode': '30100',
    'company.commune': 'Alès',
    'company.headcount': 12,
    'company.turnover': 1250000.5,
    'project.aidTypes': ['financial', 'mentoring'],
    'project.amountRequested': 30000,
    'project.jobsCreated': 3,
    'contact.email': 'direction@cevennes-usinage.fr',
    'contact.phone': '+33612345678',
  },
  conversationReference: { conversation: { id: 'conv-1' } },
  now: MARCH,
};

const SECOND: NewApplication = {
  channel: 'msteams',
  origin: 'advisor',
  advisorId: 'adv-7',
  userId: 'user-2',
  eligibility: { verdict: 'REVIEW', reasons: ['territory'] },
  data: { 'company.name': 'Gardon; "Bois"', 'company.commune': 'Anduze', 'project.amountRequested': 5000.5 },
  now: new Date('2026-03-17T10:00:00.000Z'),
};

const THIRD: NewApplication = {
  channel: 'emulator',
  origin: 'applicant',
  userId: 'user-3',
  data: { 'company.name': '=1+1', 'project.jobsCreated': 1 },
  now: new Date('2026-03-18T10:00:00.000Z'),
};

/** Three files: 0001 and 0002 received, 0003 in review. */
async function seededDataDir(dataDir?: string): Promise<string> {
  dataDir ??= await mkdtemp(path.join(tmpdir(), 'alize-committee-'));
  const queue = createLowdbApplicationQueue(dataDir);
  await queue.submit(FIRST, 'first');
  await queue.submit(SECOND, 'second');
  await queue.submit(THIRD, 'third');
  await queue.changeStatus('ALZ-2026-0003', 'in_review', 'jury', undefined, new Date('2026-03-19T08:00:00Z'));
  return dataDir;
}

const applicationFile = (dataDir: string, reference: string): string =>
  path.join(dataDir, 'applications', `${reference}.json`);

describe('committee CLI: reading the files', () => {
  // Seeded once: every test of this block only reads it.
  let dataDir: string;
  const afterThis: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    dataDir = await seededDataDir();
  });
  afterEach(async () => {
    for (const cleanup of afterThis.splice(0)) await cleanup();
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  test('list shows a table of every file with its total', async () => {
    const { code, stdout, stderr } = await runCli(['list'], { dataDir });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    const headers = ['reference', 'status', 'submittedAt', 'company', 'commune', 'amount', 'jobs', 'verdict'];
    for (const key of [...headers, 'flags']) {
      expect(lines[0]).toContain(fr.t(`committee:list.header.${key}`));
    }
    const received = fr.t('committee:status.label.received');
    expect(lines[2]).toMatch(
      new RegExp(
        `^ALZ-2026-0001 +${received} +16/03/2026 10:30 +Cévennes Usinage +Alès +30\\D000\\s€ +3 +${fr.t('committee:verdict.OK')}$`,
      ),
    );
    expect(stdout).not.toMatch(/\b(received|in_review)\b/);
    expect(lines[3]).toContain('ALZ-2026-0002');
    expect(lines[3]).toContain('Gardon; "Bois"');
    expect(lines[4]).toContain('ALZ-2026-0003');
    expect(lines[lines.length - 1]).toBe(fr.t('committee:list.total', { total: 3 }));
  });

  test('list --status keeps the files with that status only', async () => {
    const inReview = await runCli(['list', '--status', 'in_review'], { dataDir });
    expect(inReview.code).toBe(0);
    expect(inReview.stdout).toContain('ALZ-2026-0003');
    expect(inReview.stdout).not.toContain('ALZ-2026-0001');
    const accepted = await runCli(['list', '--status=accepted'], { dataDir });
    expect(accepted.stdout.trim()).toBe(
      fr.t('committee:list.emptyStatus', { status: fr.t('committee:status.label.accepted') }),
    );
  });

  test('list --json prints only a JSON array of flat records keyed like DOMAIN.md', async () => {
    const { code, stdout } = await runCli(['list', '--json'], { dataDir });
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as Record<string, unknown>[];
    expect(records.map((record) => record.reference)).toEqual([
      'ALZ-2026-0001',
      'ALZ-2026-0002',
      'ALZ-2026-0003',
    ]);
    const [first, second, third] = records;
    // The codes and keys are the contract; labels sit next to them (`statusLabel`…).
    expect(Object.keys(first).filter((key) => !/Labels?$/.test(key))).toEqual([
      'reference',
      'status',
      'submittedAt',
      'channel',
      'origin',
      'userId',
      'eligibility.verdict',
      'eligibility.reasons',
      'company.name',
      'company.siret',
      'company.postalCode',
      'company.commune',
      'company.headcount',
      'company.turnover',
      'project.aidTypes',
      'project.amountRequested',
      'project.jobsCreated',
      'contact.email',
      'contact.phone',
      'history',
    ]);
    expect(first.status).toBe('received');
    expect(first.submittedAt).toBe('2026-03-16T09:30:00.000Z');
    expect(first.channel).toBe('webchat');
    expect(first.origin).toBe('applicant');
    // A pseudonym: the channel's user id (a web visitor's secret) is never printed.
    expect(first.userId).toBe(displayUserId('user-1'));
    expect(first.userId).not.toBe('user-1');
    expect(first['eligibility.verdict']).toBe('OK');
    expect(first['eligibility.reasons']).toEqual([]);
    expect(first['company.siret']).toBe('73282932000074');
    expect(first['company.headcount']).toBe(12);
    expect(first['company.turnover']).toBe(1250000.5);
    expect(first['company.postalCode']).toBe('30100');
    expect(first['project.jobsCreated']).toBe(3);
    expect(first['project.amountRequested']).toBe(30000);
    expect(first['project.aidTypes']).toEqual(['financial', 'mentoring']);
    expect(first['contact.email']).toBe('direction@cevennes-usinage.fr');
    expect(first).toMatchObject({
      statusLabel: fr.t('committee:status.label.received'),
      originLabel: fr.t('committee:origin.applicant'),
      'eligibility.verdictLabel': fr.t('committee:verdict.OK'),
      'eligibility.reasonLabels': [],
      'project.aidTypesLabels': [
        fr.t('application:item.aidTypes.financial'),
        fr.t('application:item.aidTypes.mentoring'),
      ],
    });
    const receivedLabel = fr.t('committee:status.label.received');
    expect(first.history).toEqual([
      {
        at: '2026-03-16T09:30:00.000Z',
        by: displayUserId('user-1'),
        from: null,
        fromLabel: null,
        to: 'received',
        toLabel: receivedLabel,
      },
    ]);
    expect(second.advisorId).toBe('adv-7');
    expect(second['eligibility.reasons']).toEqual(['territory']);
    expect(third).not.toHaveProperty('eligibility.verdict');
    expect(third.status).toBe('in_review');
    expect(third.history).toEqual([
      expect.objectContaining({ by: displayUserId('user-3'), from: null, to: 'received' }),
      expect.objectContaining({
        at: '2026-03-19T08:00:00.000Z',
        by: 'jury',
        from: 'received',
        to: 'in_review',
      }),
    ]);
  });

  test('show prints a readable block of one file', async () => {
    const { code, stdout } = await runCli(['show', 'ALZ-2026-0001'], { dataDir });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(fr.t('committee:show.title', { reference: 'ALZ-2026-0001' }));
    const line = (label: string, value: string): RegExp =>
      new RegExp(`^  ${label}[ \u00A0]+: ${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm');
    expect(stdout).toMatch(
      line(fr.t('committee:show.meta.status'), `${fr.t('committee:status.label.received')} (received)`),
    );
    expect(stdout).toMatch(line(fr.t('committee:field.company.siret'), '73282932000074'));
    expect(stdout).toMatch(line(fr.t('committee:field.company.name'), 'Cévennes Usinage'));
    expect(stdout).toContain(fr.t('committee:show.section.history'));
  });

  test('show says everything in French: status, verdict, reasons, choices and history, never the codes', async () => {
    const dir = await seededDataDir();
    afterThis.push(() => rm(dir, { recursive: true, force: true }));
    const queue = createLowdbApplicationQueue(dir);
    const { application } = await queue.submit(
      {
        ...FIRST,
        eligibility: { verdict: 'NO', reasons: ['eligibility:reason.proceedings.liquidation'] },
        data: { ...FIRST.data, 'project.type': 'takeover', 'company.proceedings': 'liquidation' },
      },
      'fourth',
    );
    const { reference } = application;
    const { code, stdout } = await runCli(['show', reference], { dataDir: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(fr.t('committee:verdict.NO'));
    expect(stdout).toContain(fr.t('committee:reason.proceedings.liquidation'));
    expect(stdout).toContain(fr.t('application:choice.projectType.takeover'));
    expect(stdout).toContain(fr.t('application:item.aidTypes.financial'));
    expect(stdout).toContain(`→ ${fr.t('committee:status.label.received')}`);
    expect(stdout).not.toMatch(
      /eligibility:|\btakeover\b|\bfinancial\b|\bliquidation\b(?! judiciaire)|\bNO\b/,
    );
    const english = await runCli(['show', reference], { dataDir: dir, lang: 'en_GB.UTF-8' });
    expect(english.stdout).toContain(en.t('committee:verdict.NO'));
    expect(english.stdout).toContain(en.t('committee:reason.proceedings.liquidation'));
  });

  test('show --json prints the same record as list --json', async () => {
    const list = JSON.parse((await runCli(['list', '--json'], { dataDir })).stdout) as unknown[];
    const show = await runCli(['show', 'alz-2026-0002', '--json'], { dataDir });
    expect(show.code).toBe(0);
    // One file's JSON lists its documents too (none here); the list leaves them out.
    const { documents, ...shown } = JSON.parse(show.stdout) as Record<string, unknown>;
    expect(documents).toEqual([]);
    expect(shown).toEqual(list[1]);
  });

  test.each(['ALZ-2026-0099', 'not-a-reference'])('show %s: unknown reference, exit 1', async (reference) => {
    const { code, stdout, stderr } = await runCli(['show', reference], { dataDir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const message = fr.t('committee:error.unknownReference', { reference: reference.toUpperCase() });
    expect(stderr.trim()).toBe(fr.t('committee:error.prefix', { message }));
  });

  test('export --csv --keys writes the record keys and codes for tools: UTF-8 with BOM, ";" and CRLF', async () => {
    // Written outside the shared DATA_DIR, which the other tests of this block only read.
    const outDir = await mkdtemp(path.join(tmpdir(), 'alize-export-'));
    afterThis.push(() => rm(outDir, { recursive: true, force: true }));
    const file = path.join(outDir, 'export.csv');
    const { code, stdout } = await runCli(['export', '--csv', file, '--keys'], { dataDir });
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(fr.t('committee:export.done', { total: 3, file }));
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[0]).toBe(APPLICATION_COLUMNS.join(';'));
    const cells = (line: string): Record<string, string> =>
      Object.fromEntries(line.split(';').map((cell, index) => [APPLICATION_COLUMNS[index], cell]));
    const first = cells(lines[1]);
    expect(first.reference).toBe('ALZ-2026-0001');
    expect(first['company.siret']).toBe('73282932000074');
    expect(first['company.turnover']).toBe('1250000,5');
    expect(first['project.amountRequested']).toBe('30000');
    expect(first['project.aidTypes']).toBe('financial, mentoring');
    expect(first['contact.phone']).toBe("'+33612345678");
    expect(first['company.name']).toBe('Cévennes Usinage');
    expect(lines[2]).toContain(';"Gardon; ""Bois""";');
    expect(lines[2]).toContain(';5000,5;');
    expect(lines[3]).toContain(";'=1+1;");
  });

  test('export --csv writes French column titles and labels, and a SIRET Excel keeps as text', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'alize-export-'));
    afterThis.push(() => rm(outDir, { recursive: true, force: true }));
    const file = path.join(outDir, 'export.csv');
    expect((await runCli(['export', '--csv', file], { dataDir })).code).toBe(0);
    const lines = (await readFile(file, 'utf8')).slice(1).split('\r\n');
    const text = committeeText('fr');
    expect(lines[0]).toBe(APPLICATION_COLUMNS.map((key) => columnLabel(key, text)).join(';'));
    expect(lines[0]).toContain(`;${fr.t('committee:field.company.siret')};`);
    expect(lines[0]).not.toMatch(/company\.|project\.|eligibility\./);
    const cells = (line: string): Record<string, string> =>
      Object.fromEntries(line.split(';').map((cell, index) => [APPLICATION_COLUMNS[index], cell]));
    const first = cells(lines[1]);
    expect(first.status).toBe(fr.t('committee:status.label.received'));
    expect(first.origin).toBe(fr.t('committee:origin.applicant'));
    expect(first['eligibility.verdict']).toBe(fr.t('committee:verdict.OK'));
    expect(first['company.siret']).toBe('="73282932000074"');
    expect(first['company.postalCode']).toBe('="30100"');
    expect(first['contact.phone']).toBe('="+33612345678"');
    expect(first['company.turnover']).toBe('1250000,5');
    expect(first['project.aidTypes']).toBe(
      `${fr.t('application:item.aidTypes.financial')}, ${fr.t('application:item.aidTypes.mentoring')}`,
    );
    expect(first.history).toContain(fr.t('committee:status.label.received'));
    expect(cells(lines[2])['eligibility.verdict']).toBe(fr.t('committee:verdict.REVIEW'));
    expect(lines[3]).toContain(";'=1+1;");
  });

  test('export needs --csv FILE (usage error, exit 2)', async () => {
    const { code, stderr } = await runCli(['export'], { dataDir });
    expect(code).toBe(2);
    expect(stderr).toContain(fr.t('committee:error.missingOption', { option: '--csv', command: 'export' }));
  });

  test('DATA_DIR is read from .env and resolved against the working directory', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'alize-dotenv-'));
    try {
      await seededDataDir(path.join(cwd, 'committee-data'));
      await writeFile(path.join(cwd, '.env'), 'DATA_DIR=committee-data\n');
      const { code, stdout } = await runCli(['list', '--json'], { cwd });
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toHaveLength(3);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

describe('committee CLI: changing a status', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await seededDataDir();
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  test('a legal move is saved with who and why, appended to the history', async () => {
    const args = ['status', 'ALZ-2026-0003', 'accepted', '--comment', 'vote 7/8; "ok"', '--by', 'M. Durand'];
    const { code, stdout, stderr } = await runCli(args, { dataDir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(
      fr.t('committee:status.changed', {
        reference: 'ALZ-2026-0003',
        from: fr.t('committee:status.label.in_review'),
        to: fr.t('committee:status.label.accepted'),
      }),
    );
    const stored = JSON.parse(await readFile(applicationFile(dataDir, 'ALZ-2026-0003'), 'utf8'));
    expect(stored.status).toBe('accepted');
    expect(stored.history).toHaveLength(3);
    expect(stored.history[2]).toMatchObject({
      by: 'M. Durand',
      from: 'in_review',
      to: 'accepted',
      comment: 'vote 7/8; "ok"',
    });
    expect(Date.now() - Date.parse(stored.history[2].at)).toBeLessThan(60_000);
  });

  test('an illegal move is refused with exit 1 and leaves the file untouched', async () => {
    const file = applicationFile(dataDir, 'ALZ-2026-0001');
    const before = await readFile(file);
    const { code, stdout, stderr } = await runCli(['status', 'ALZ-2026-0001', 'accepted', '--by', 'jury'], {
      dataDir,
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const message = fr.t('committee:error.illegalTransition', {
      reference: 'ALZ-2026-0001',
      from: 'received',
      to: 'accepted',
      allowed: 'in_review, withdrawn',
    });
    expect(stderr.trim()).toBe(fr.t('committee:error.prefix', { message }));
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  test('a final status says it has no way out', async () => {
    await runCli(['status', 'ALZ-2026-0002', 'withdrawn', '--by', 'user-2'], { dataDir });
    const { code, stderr } = await runCli(['status', 'ALZ-2026-0002', 'in_review', '--by', 'jury'], {
      dataDir,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(fr.t('committee:error.finalStatus'));
  });

  test('an unknown reference is exit 1; an unknown status or a missing --by is a usage error', async () => {
    const unknown = await runCli(['status', 'ALZ-2026-0042', 'in_review', '--by', 'jury'], { dataDir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      fr.t('committee:error.unknownReference', { reference: 'ALZ-2026-0042' }),
    );
    const badStatus = await runCli(['status', 'ALZ-2026-0001', 'approved', '--by', 'jury'], { dataDir });
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain('approved');
    const noBy = await runCli(['status', 'ALZ-2026-0001', 'in_review', '--comment', 'x'], { dataDir });
    expect(noBy.code).toBe(2);
    expect(noBy.stderr).toContain(
      fr.t('committee:error.missingOption', { option: '--by', command: 'status' }),
    );
    const stored = JSON.parse(await readFile(applicationFile(dataDir, 'ALZ-2026-0001'), 'utf8'));
    expect(stored.history).toHaveLength(1);
  });
});

describe('committee CLI: callback and handoff requests', () => {
  // Each test its own folder: none reads what another wrote.
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'alize-requests-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  /** A handoff, then a callback dated earlier: the order of the dates, not of the writes, is the list's. */
  async function twoRequests() {
    const store = createLowdbContactRequestStore(dataDir);
    const later = await store.add({
      kind: 'handoff',
      userId: 'user-2',
      reason: 'eligibility NO',
      now: new Date('2026-03-17T14:00:00Z'),
    });
    const earlier = await store.add({
      kind: 'callback',
      userId: 'user-1',
      name: 'Claire Roux',
      phone: '+33466000000',
      preferredMoment: 'lundi matin',
      now: new Date('2026-03-16T19:00:00Z'),
    });
    return { store, earlier, later };
  }

  test('with no request yet, callbacks says so', async () => {
    const { code, stdout } = await runCli(['callbacks'], { dataDir });
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(fr.t('committee:callbacks.empty'));
  });

  test('the store keeps one JSON file per request in DATA_DIR/requests, listed oldest first', async () => {
    const { store, earlier, later } = await twoRequests();
    expect(earlier).toMatchObject({
      kind: 'callback',
      status: 'pending',
      createdAt: '2026-03-16T19:00:00.000Z',
    });
    expect(earlier.id).toMatch(/^[0-9a-f-]{36}$/);
    const saved = JSON.parse(await readFile(path.join(dataDir, 'requests', `${earlier.id}.json`), 'utf8'));
    expect(saved).toEqual(earlier);
    expect((await store.list()).map((request) => request.id)).toEqual([earlier.id, later.id]);
    await expect(store.add({ kind: 'email' as 'callback', userId: 'user-3' })).rejects.toThrow(TypeError);
  });

  test('callbacks lists them in a table; --json prints them with the pseudonym, no conversation reference', async () => {
    await twoRequests();
    const human = await runCli(['callbacks'], { dataDir });
    expect(human.code).toBe(0);
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain(fr.t('committee:callbacks.header.phone'));
    expect(lines[2]).toContain(fr.t('committee:callbacks.kind.callback'));
    expect(lines[2]).toContain('Claire Roux');
    expect(lines[2]).toContain('+33466000000');
    expect(lines[2]).toContain('lundi matin');
    expect(lines[3]).toContain(fr.t('committee:callbacks.kind.handoff'));
    expect(lines[lines.length - 1]).toBe(fr.t('committee:callbacks.total', { total: 2 }));
    const json = await runCli(['callbacks', '--json'], { dataDir });
    const stored = await createLowdbContactRequestStore(dataDir).list();
    expect(JSON.parse(json.stdout)).toEqual(stored.map(contactRequestView));
    for (const request of stored) {
      expect(json.stdout).not.toContain(`"${request.userId}"`);
      expect(human.stdout).not.toContain(request.userId);
    }
  });

  test('a corrupt request file is reported, not skipped (exit 1)', async () => {
    await twoRequests();
    const file = path.join(dataDir, 'requests', '00000000-0000-4000-8000-000000000000.json');
    await writeFile(file, '{ not json');
    await expect(createLowdbContactRequestStore(dataDir).list()).rejects.toThrow(CorruptJsonFileError);
    const { code, stderr } = await runCli(['callbacks'], { dataDir });
    expect(code).toBe(1);
    expect(stderr).toContain(fr.t('committee:error.corrupt', { file }));
  });
});

describe('committee CLI: usage', () => {
  const usageFirstLine = (language = fr): string => language.t('committee:usage.title');

  test.each([
    [[], 'missingCommand', {}],
    [['approve'], 'unknownCommand', { command: 'approve' }],
    [['list', '--csv', 'x.csv'], 'unknownOption', { option: '--csv', command: 'list' }],
    [['show'], 'missingArgument', { argument: 'REF', command: 'show' }],
    [['show', 'ALZ-2026-0001', 'extra'], 'unexpectedArgument', { argument: 'extra' }],
    [['list', '--status'], 'missingValue', { option: '--status' }],
  ])('%j is a usage error: exit 2, message and usage on stderr', async (args, key, values) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const message = fr.t(`committee:error.${key}`, values);
    expect(stderr.startsWith(`${fr.t('committee:error.prefix', { message })}\n`)).toBe(true);
    expect(stderr).toContain(usageFirstLine());
  });

  test('help and --help print the usage on stdout, exit 0', async () => {
    for (const args of [['help'], ['list', '--help']]) {
      const { code, stdout } = await runCli(args);
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toBe(usageFirstLine());
    }
  });

  test('LANG=en_US.UTF-8 switches the sentences to English', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'alize-empty-'));
    try {
      const { code, stderr } = await runCli(['show', 'ALZ-2026-0001'], { dataDir, lang: 'en_US.UTF-8' });
      expect(code).toBe(1);
      const message = en.t('committee:error.unknownReference', { reference: 'ALZ-2026-0001' });
      expect(stderr.trim()).toBe(en.t('committee:error.prefix', { message }));
      expect((await runCli(['help'], { lang: 'en_GB' })).stdout.split('\n')[0]).toBe(usageFirstLine(en));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
