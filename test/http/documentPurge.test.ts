import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentIntake } from '../../storage/documentIntake.js';
import { draftDocumentsOwner } from '../../storage/documentsAtSubmission.js';
import { createLowdbApplicationQueue, LowdbStorage } from '../../storage/index.js';
import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import { samplePdf } from '../contract/documentStoreContract.js';
import { tempDataDir } from '../support/httpBot.js';
import { SETTINGS_FIXTURE } from '../support/programmeFixture.js';

const CLI = fileURLToPath(new URL('../../committee/committeeCli.js', import.meta.url));
const DAY = 24 * 3600 * 1000;
// The CLI reads the real clock: dates relative to now (drafts 180 days, files 5 years after the decision).
const ago = (days: number) => new Date(Date.now() - days * DAY);

test('the retention purge removes the documents of the drafts it deletes and of the files it anonymises', async () => {
  const dataDir = tempDataDir('alize-doc-purge-');
  const documents = new LowdbDocumentStore(path.join(dataDir, 'documents'));
  const intake = new DocumentIntake(documents, { limits: { maxBytes: 1024 * 1024, maxCount: 20 } });
  const keep = async (owner: string) => {
    const result = await intake.add(owner, { name: 'kbis.pdf', bytes: samplePdf(owner), piece: 'kbis' });
    expect(result.outcome).toBe('stored');
  };

  const state = new LowdbStorage({ dir: path.join(dataDir, 'state') });
  const draft = (id: string, updatedAt: Date) => ({
    profile: { application: { id, answers: {}, updatedAt: updatedAt.toISOString() } },
  });
  await state.write({
    'webchat/users/idle': draft('idle-draft', ago(200)),
    'webchat/users/recent': draft('recent-draft', ago(10)),
  });
  await state.close();
  await keep(draftDocumentsOwner('idle-draft'));
  await keep(draftDocumentsOwner('recent-draft'));

  const queue = createLowdbApplicationQueue(dataDir);
  const submit = (key: string, now: Date) =>
    queue.submit(
      { channel: 'webchat', origin: 'applicant', userId: key, now, data: { 'company.name': 'SARL' } },
      key,
    );
  const old = (await submit('u-old', ago(7 * 365))).application;
  await queue.changeStatus(old.reference, 'in_review', 'cci', undefined, ago(6 * 365));
  await queue.changeStatus(old.reference, 'rejected', 'comité', undefined, ago(6 * 365 - 10));
  const open = (await submit('u-open', ago(30))).application;
  await keep(old.reference);
  await keep(open.reference);

  const result = spawnSync(process.execPath, [CLI, 'purge'], {
    env: { ...process.env, DATA_DIR: dataDir, LANG: 'fr_FR.UTF-8', PROGRAMME_FILE: SETTINGS_FIXTURE },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);

  expect(await documents.list(draftDocumentsOwner('idle-draft'))).toEqual([]);
  expect(await documents.list(draftDocumentsOwner('recent-draft'))).toHaveLength(1);
  expect(await documents.list(old.reference)).toEqual([]);
  expect(await documents.list(open.reference)).toHaveLength(1);
});
