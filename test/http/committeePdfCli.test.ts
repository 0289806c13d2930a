import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLowdbApplicationQueue } from '../../storage/index.js';
import { runCommitteeCli } from '../support/committeeApiClient.js';
import { committeeText } from '../support/committeeText.js';
import { fullApplication } from '../support/pdfFixtures.js';
import { flat, flatText, pdfText } from '../support/pdfText.js';
import { SETTINGS_FIXTURE } from '../support/programmeFixture.js';

const { t } = committeeText('fr');
// The frozen settings of the tests (committee dates 2026-06-18, 2026-10-15, 2027-02-11…), never the live file.
const ENV = { PROGRAMME_FILE: SETTINGS_FIXTURE };

let dataDir: string;
let workDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'alize-committee-pdf-cli-'));
  workDir = await mkdtemp(path.join(tmpdir(), 'alize-cwd-'));
  const queue = createLowdbApplicationQueue(dataDir);
  await queue.submit(fullApplication({ now: new Date('2026-11-10T09:00:00.000Z') }), 'cli-pdf-1');
  await queue.submit(fullApplication({ now: new Date('2026-11-11T09:00:00.000Z') }), 'cli-pdf-2');
  await queue.changeStatus('ALZ-2026-0002', 'in_review', 'jury');
  await queue.changeStatus('ALZ-2026-0002', 'rejected', 'jury');
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

const kilobytes = async (file: string): Promise<number> =>
  Math.max(1, Math.round((await stat(file)).size / 1024));

describe('committee pdf and dossier', () => {
  test('pdf REF writes the file’s PDF, REF.pdf by default, and says where', async () => {
    const run = await runCommitteeCli(['pdf', 'alz-2026-0001'], dataDir, workDir, ENV);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const file = path.join(workDir, 'ALZ-2026-0001.pdf');
    expect(run.stdout).toBe(
      `${t('pdf:cli.fileSaved', { reference: 'ALZ-2026-0001', file, kilobytes: await kilobytes(file) })}\n`,
    );
    const all = flatText(await pdfText(await readFile(file)));
    expect(all).toContain(flat(t('pdf:file.title', { reference: 'ALZ-2026-0001' })));
    expect(all).toContain('Œuvre & Cévennes <b>SAS</b>');
  });

  test('dossier --date --out: the meeting’s files awaiting a decision, the rejected one left out', async () => {
    const run = await runCommitteeCli(
      ['dossier', '--date', '2027-02-11', '--out', 'seance.pdf'],
      dataDir,
      workDir,
      ENV,
    );
    expect(run.code).toBe(0);
    const file = path.join(workDir, 'seance.pdf');
    expect(run.stdout).toBe(
      `${t('pdf:cli.dossierSaved', { date: '11 février 2027', count: 1, file, kilobytes: await kilobytes(file) })}\n`,
    );
    const content = await pdfText(await readFile(file));
    expect(flat(content.pages[1]).match(/ALZ-\d{4}-\d{4}/g)).toEqual(['ALZ-2026-0001']);
    expect(flatText(content)).not.toContain('ALZ-2026-0002');
  });

  test('a wrong date is a usage error (2) with the help; an unknown file a failure (1); in English with LANG=en', async () => {
    const wrong = await runCommitteeCli(['dossier', '--date', '2027-02-30'], dataDir, workDir, ENV);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      t('committee:error.prefix', { message: t('committee:error.invalidDate', { date: '2027-02-30' }) }),
    );
    expect(wrong.stderr).toContain(t('committee:usage.title'));
    const missing = await runCommitteeCli(['dossier', '--date'], dataDir, workDir, ENV);
    expect(missing.code).toBe(2);
    const unknown = await runCommitteeCli(['pdf', 'ALZ-2026-0999'], dataDir, workDir, ENV);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      `${t('committee:error.prefix', { message: t('committee:error.unknownReference', { reference: 'ALZ-2026-0999' }) })}\n`,
    );
    const en = committeeText('en');
    const english = await runCommitteeCli(['pdf', 'ALZ-2026-0999'], dataDir, workDir, {
      ...ENV,
      LANG: 'en_GB.UTF-8',
    });
    expect(english.stderr).toBe(
      `${en.t('committee:error.prefix', { message: en.t('committee:error.unknownReference', { reference: 'ALZ-2026-0999' }) })}\n`,
    );
  });
});
