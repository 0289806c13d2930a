import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningApp } from '../../bot/app.js';
import type { ProgrammeStatistics } from '../../committee/statistics/programmeStatistics.js';
import { FUNNEL_STEP } from '../../dialogs/domain/funnelSteps.js';
import { ELIGIBLE_COMPANY_CHECK, answerAll } from '../support/answerBook.js';
import { committeeText } from '../support/committeeText.js';
import { HttpConversation, startTestServer, tempDataDir } from '../support/httpBot.js';
import { callCheckedApi } from '../support/openApiCheck.js';
import { SETTINGS_FIXTURE, TEST_NOW } from '../support/programmeFixture.js';

const TOKEN = 'committee-test-token-stats-5c0e9a7d13b84f26';
const CLI = fileURLToPath(new URL('../../committee/committeeCli.js', import.meta.url));
const fr = committeeText('fr');
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let dataDir: string;
let app: RunningApp;

/** A check made over HTTP, then a file in the queue; the server is closed (its funnel flushed) and started again. */
beforeAll(async () => {
  dataDir = tempDataDir('alize-statistics-');
  const first = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN });
  const owner = new HttpConversation(first.url);
  const replies = await owner.say(fr.t('common:menu.eligibility'));
  await answerAll((text) => owner.say(text), replies, ELIGIBLE_COMPANY_CHECK);
  await first.queue.submit(
    {
      channel: 'webchat',
      origin: 'applicant',
      userId: owner.userId,
      data: { 'company.commune': 'Alès <Gard>', 'project.amountRequested': 30_000, 'project.jobsCreated': 3 },
      now: TEST_NOW,
    },
    'stats-file-1',
  );
  await first.close();
  app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN });
});
afterAll(async () => {
  await app?.close();
});

describe('the statistics of the committee', () => {
  test('counted by a real conversation (not the warm-up turns), flushed at close, nothing personal in the file', async () => {
    const raw = await readFile(path.join(dataDir, 'funnel.json'), 'utf8');
    const months = (JSON.parse(raw) as { months: Record<string, Record<string, number>> }).months;
    expect(months['2026-11'][FUNNEL_STEP.checkStarted]).toBe(1);
    expect(months['2026-11'][FUNNEL_STEP.verdict('OK')]).toBe(1);
    for (const answer of ['Alès', 'douze', '25.62B', 'user-', 'test-']) expect(raw).not.toContain(answer);
  });

  test('GET /api/statistics needs the token', async () => {
    const answer = await callCheckedApi(app.url, '/api/statistics');
    expect(answer.status).toBe(401);
  });

  test('GET /api/statistics: the figures as the OpenAPI document describes them', async () => {
    const answer = await callCheckedApi(app.url, '/api/statistics', { authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(200);
    const stats = answer.json as ProgrammeStatistics;
    expect(stats.asOf).toBe('2026-11-26');
    expect(stats.files.total).toBe(1);
    expect(stats.communes).toEqual([{ commune: 'Alès <Gard>', count: 1 }]);
    expect(stats.amounts).toMatchObject({ asked: 30_000, budget: null, askedShare: null });
    expect(stats.jobs).toMatchObject({ target: 60, months: 24, pending: { created: 3, kept: 0, total: 3 } });
    expect(stats.funnel.check).toMatchObject({ started: 1, verdicts: { OK: 1, REVIEW: 0, NO: 0 } });
    expect(stats.funnel.check.questions.map((question) => question.key)).toContain('commune');
  });

  test('a query parameter is refused: the route takes none', async () => {
    const answer = await callCheckedApi(app.url, '/api/statistics?month=2026-11', {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: 'unknown_parameter',
      parameter: 'month',
      message: fr.t('committee:error.prefix', {
        message: fr.t('committeeApi:error.unknownParameter', {
          parameter: 'month',
          parameters: '',
          count: 0,
        }),
      }),
    });
  });

  test('npm run committee -- stats prints the tables in French; --json the API’s figures', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, 'stats', ...args], {
        env: { ...process.env, DATA_DIR: dataDir, LANG: 'fr_FR.UTF-8', PROGRAMME_FILE: SETTINGS_FIXTURE },
        encoding: 'utf8',
      });
    const printed = run();
    expect(printed.stderr).toBe('');
    expect(printed.status).toBe(0);
    const lines = printed.stdout.split('\n');
    for (const key of ['statistics:files.title', 'statistics:amounts.title', 'statistics:funnel.check']) {
      expect(lines).toContain(fr.t(key));
    }
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${escaped(fr.t('committee:status.label.received'))}\\s+1$`)),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^Alès <Gard>\s+1$/));
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${escaped(fr.t('statistics:amounts.row.asked'))}\\s+30\u202f000\u00a0€$`),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${escaped(fr.t('statistics:funnel.started'))}\\s+1$`)),
    );
    expect(printed.stdout).toContain(fr.t('statistics:amounts.noBudget'));

    const asJson = run('--json');
    expect(asJson.status).toBe(0);
    expect((JSON.parse(asJson.stdout) as ProgrammeStatistics).funnel.check.started).toBe(1);
  });
});
