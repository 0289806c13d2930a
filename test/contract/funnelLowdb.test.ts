import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createStores } from '../../storage/createStores.js';
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
