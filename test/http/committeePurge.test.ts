import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Localizer } from '../../bot/i18n.js';
import { createLowdbApplicationQueue, LowdbStorage } from '../../storage/index.js';
import { tempDataDir } from '../support/httpBot.js';
import path from 'node:path';
import { SETTINGS_FIXTURE } from '../support/programmeFixture.js';

const CLI = fileURLToPath(new URL('../../committee/committeeCli.js', import.meta.url));
const fr = new Localizer().language('fr');
const DAY = 24 * 3600 * 1000;
// Dates relative to now: the CLI reads the real clock, the retention is 180 days for drafts, 5 years for files.
const ago = (days: number) => new Date(Date.now() - days * DAY);

function purge(dataDir: string, ...flags: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'purge', ...flags], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      LANG: 'fr_FR.UTF-8',
      PROGRAMME_FILE: SETTINGS_FIXTURE,
    },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('npm run committee -- purge', () => {
  test('deletes idle drafts, keeps recent ones, and anonymises decided files past retention or asked to be erased', async () => {
    const dataDir = tempDataDir();
    const state = new LowdbStorage({ dir: path.join(dataDir, 'state') });
    const draft = (updatedAt: Date) => ({
      profile: {
        application: { id: 'd', answers: { 'company.name': 'X' }, updatedAt: updatedAt.toISOString() },
        eligibility: { answers: {} },
        // The register's answer for a sole trader: a person's name, which goes with the idle draft.
        companyLookup: { offered: true, company: { name: 'JEAN DUPUIS (EI)' } },
      },
    });
    await state.write({
      'webchat/users/idle': draft(ago(200)),
      'webchat/users/recent': draft(ago(10)),
      'webchat/conversations/c1': { dialogState: {} },
    });
    // No server runs: the CLI (a child this test waits for synchronously) owns the state while it purges.
    await state.close();

    const queue = createLowdbApplicationQueue(dataDir);
    const file = (userId: string, key: string, now: Date) =>
      queue.submit(
        {
          channel: 'webchat',
          origin: 'applicant',
          userId,
          now,
          data: { 'company.name': 'SARL', 'contact.email': 'a@b.fr', 'contact.lastName': 'Dupont' },
        },
        key,
      );
    const old = (await file('u-old', 'k1', ago(7 * 365))).application;
    await queue.changeStatus(old.reference, 'in_review', 'cci', undefined, ago(6 * 365));
    await queue.changeStatus(old.reference, 'rejected', 'comité', undefined, ago(6 * 365 - 10));
    const erased = (await file('u-erase', 'k2', ago(30))).application;
    await queue.changeStatus(erased.reference, 'withdrawn', 'u-erase', undefined, ago(20));
    await queue.amend(erased.reference, { retention: { erasureRequestedAt: ago(5).toISOString() } });
    const open = (await file('u-open', 'k3', ago(3 * 365))).application;
    await queue.amend(open.reference, { retention: { erasureRequestedAt: ago(5).toISOString() } });

    const simulated = purge(dataDir, '--dry-run');
    expect(simulated).toContain(
      fr.t('committee:purge.dryRun', {
        drafts: 1,
        scanned: 2,
        files: 2,
        references: `${old.reference}, ${erased.reference}`,
      }),
    );
    expect((await queue.get(old.reference))?.data['contact.email']).toBe('a@b.fr');

    const done = purge(dataDir);
    expect(done).toContain(
      fr.t('committee:purge.done', {
        drafts: 1,
        scanned: 2,
        skipped: 0,
        files: 2,
        references: `${old.reference}, ${erased.reference}`,
      }),
    );

    const fresh = new LowdbStorage({ dir: path.join(dataDir, 'state') });
    const users = await fresh.read(['webchat/users/idle', 'webchat/users/recent']);
    await fresh.close();
    expect((users['webchat/users/idle'] as { profile: object }).profile).toEqual({
      eligibility: { answers: {} },
    });
    const recent = (
      users['webchat/users/recent'] as { profile: { application?: object; companyLookup?: object } }
    ).profile;
    expect(recent.application).toBeDefined();
    expect(recent.companyLookup).toBeDefined();

    for (const reference of [old.reference, erased.reference]) {
      const anonymised = await queue.get(reference);
      expect(anonymised?.data).toEqual({
        'company.name': 'SARL',
        'contact.email': null,
        'contact.lastName': null,
      });
      expect(anonymised?.userId).toBe('anonymised');
      expect(anonymised?.retention?.anonymisedAt).toBeDefined();
      expect(JSON.stringify(anonymised)).not.toMatch(/u-old|u-erase|Dupont/);
    }
    expect((await queue.get(open.reference))?.data['contact.lastName']).toBe('Dupont');
    expect(purge(dataDir)).toContain(
      fr.t('committee:purge.done', { drafts: 0, scanned: 2, skipped: 0, files: 0, references: '—' }),
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
