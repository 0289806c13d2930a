import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStores } from '../../storage/createStores.js';
import { pdfApiTests, pdfApiWorld, type PdfApiWorld } from '../support/pdfApiSuite.js';

let dataDir: string;
let world: PdfApiWorld;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'alize-committee-pdf-'));
  world = await pdfApiWorld(createStores({ dataDir, backend: { kind: 'lowdb' } }));
});
afterAll(async () => {
  await world?.api.close();
  await world?.stores.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the committee API’s PDFs on lowdb', () => {
  pdfApiTests(() => world);
});
