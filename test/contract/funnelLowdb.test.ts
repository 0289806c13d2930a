import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createStores } from '../../storage/createStores.js';
import { FunnelBatch } from '../../storage/funnelBatch.js';
import { LowdbFunnelStore } from '../../storage/lowdbFunnelStore.js';
import { tempFolder } from '../support/tempFolders.js';
import { describeFunnelContract } from './funnelContract.js';

/** What STORAGE=lowdb builds, on a fresh DATA_DIR per test: the counts in DATA_DIR/funnel.json. */
describeFunnelContract('lowdb', () => {
  const dataDir = tempFolder('alize-funnel-');
  return {
    open: () => createStores({ dataDir, backend: { kind: 'lowdb' } }).funnel,
    raw: () => readFile(path.join(dataDir, 'funnel.json'), 'utf8').catch(() => ''),
  };
});

test('a write that fails keeps its counts for the next one (a folder not there yet, then created)', async () => {
  const dataDir = path.join(tempFolder('alize-funnel-'), 'later');
  const errors: unknown[] = [];
  const batch = new FunnelBatch(new LowdbFunnelStore(dataDir), {
    everyMs: 60 * 60 * 1000,
    onError: (error) => errors.push(error),
  });
  batch.count('2026-11', ['check.started']);
  await batch.flush();
  expect(errors).toHaveLength(1);
  await mkdir(dataDir);
  batch.count('2026-11', ['check.started']);
  await batch.close();
  expect(await new LowdbFunnelStore(dataDir).read()).toEqual({ '2026-11': { 'check.started': 2 } });
});
