import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DocumentIntake } from '../../storage/documentIntake.js';
import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import { samplePdf } from '../contract/documentStoreContract.js';

// At submission the draft's documents move together (descriptions written at once, then the bytes renamed):
// the committee must find every one of them with the file, and nothing left under the draft.
let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'alize-document-move-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

test('a draft’s three documents all move to the reference, bytes intact, the draft’s folder gone', async () => {
  const store = new LowdbDocumentStore(root);
  const intake = new DocumentIntake(store, {
    limits: { maxBytes: 64 * 1024, maxCount: 3 },
    now: () => new Date('2026-03-16T09:30:00Z'),
  });
  const pieces = ['Extrait Kbis', 'RIB', 'Bilan 2025'];
  for (const text of pieces) await intake.add('draft-u9', { name: `${text}.pdf`, bytes: samplePdf(text) });
  expect(await store.move('draft-u9', 'ALZ-2026-0009')).toBe(3);
  const moved = await new LowdbDocumentStore(root).list('ALZ-2026-0009');
  expect(moved.map((document) => document.name).sort()).toEqual(pieces.map((text) => `${text}.pdf`).sort());
  for (const document of moved) {
    const bytes = (await store.read('ALZ-2026-0009', document.id))!.bytes;
    expect(sha256(bytes)).toBe(sha256(samplePdf(document.name.replace(/\.pdf$/, ''))));
  }
  expect(await store.list('draft-u9')).toEqual([]);
  expect(await readdir(root)).toEqual(['ALZ-2026-0009']);
});
