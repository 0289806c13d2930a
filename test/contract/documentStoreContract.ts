import { createHash } from 'node:crypto';
import { DocumentIntake } from '../../storage/documentIntake.js';
import type { DocumentStore } from '../../storage/documentStore.js';

export interface DocumentStoreFixture {
  open(): DocumentStore;
}

/** A small but real PDF: the committee's reader opens it. */
export function samplePdf(text = 'Extrait Kbis'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const LIMITS = { maxBytes: 64 * 1024, maxCount: 3 };
const clock = () => new Date('2026-03-16T09:30:00Z');

export function describeDocumentStoreContract(name: string, makeFixture: () => DocumentStoreFixture): void {
  describe(`${name}: supporting documents contract`, () => {
    let fixture: DocumentStoreFixture;
    let store: DocumentStore;
    let intake: DocumentIntake;
    beforeEach(() => {
      fixture = makeFixture();
      store = fixture.open();
      intake = new DocumentIntake(store, { limits: LIMITS, now: clock });
    });

    it('keeps the bytes and their description; another instance reads back the same sha256', async () => {
      expect(await store.list('draft-u1')).toEqual([]);
      const bytes = samplePdf();
      const result = await intake.add('draft-u1', { name: 'C:\\Scans\\kbis été.pdf', bytes, piece: 'kbis' });
      expect(result).toEqual({
        outcome: 'stored',
        document: {
          id: expect.stringMatching(/^[0-9a-f]{32}$/),
          name: 'kbis été.pdf',
          type: 'application/pdf',
          size: bytes.length,
          sha256: sha256(bytes),
          piece: 'kbis',
          receivedAt: '2026-03-16T09:30:00.000Z',
        },
      });
      const other = fixture.open();
      const listed = await other.list('draft-u1');
      expect(listed).toEqual([result.outcome === 'stored' ? result.document : undefined]);
      const read = await other.read('draft-u1', listed[0]!.id);
      expect(sha256(read!.bytes)).toBe(sha256(bytes));
      expect(read!.document).toEqual(listed[0]);
    });

    it('keeps the same bytes once, under another name too', async () => {
      const first = await intake.add('draft-u2', { name: 'rib.pdf', bytes: samplePdf('RIB') });
      const again = await intake.add('draft-u2', { name: 'rib (1).pdf', bytes: samplePdf('RIB') });
      expect(again.outcome).toBe('duplicate');
      expect(again.outcome === 'duplicate' && again.document.id).toBe(
        first.outcome === 'stored' && first.document.id,
      );
      expect(await store.list('draft-u2')).toHaveLength(1);
    });

    it('refuses a renamed executable, a file too big and one too many, and keeps none of them', async () => {
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(100)]);
      expect(await intake.add('draft-u3', { name: 'kbis.pdf', bytes: exe })).toEqual({
        outcome: 'refused',
        refusal: { reason: 'wrongType', params: {} },
      });
      const big = Buffer.concat([samplePdf(), Buffer.alloc(LIMITS.maxBytes)]);
      expect(await intake.add('draft-u3', { name: 'bilan.pdf', bytes: big })).toMatchObject({
        refusal: { reason: 'tooBig' },
      });
      expect(await store.list('draft-u3')).toEqual([]);
      // Four at once for three places: the owner's uploads take turns, so exactly one is refused.
      const results = await Promise.all(
        [1, 2, 3, 4].map((n) =>
          intake.add('draft-u3', { name: `devis-${n}.pdf`, bytes: samplePdf(`devis ${n}`) }),
        ),
      );
      expect(results.filter((r) => r.outcome === 'stored')).toHaveLength(3);
      expect(results.filter((r) => r.outcome === 'refused')).toEqual([
        { outcome: 'refused', refusal: { reason: 'tooMany', params: { max: 3 } } },
      ]);
      expect(await store.list('draft-u3')).toHaveLength(3);
    });

    it('keeps a Kbis’ day of extract from the upload or a later answer, through a move, until the piece changes', async () => {
      const sent = await intake.add('draft-u5', {
        name: 'kbis.pdf',
        bytes: samplePdf('kbis u5'),
        piece: 'kbis',
        issuedOn: '2026-11-12',
      });
      const id = sent.outcome === 'stored' ? sent.document.id : '';
      expect((await store.list('draft-u5'))[0]).toMatchObject({ id, piece: 'kbis', issuedOn: '2026-11-12' });
      expect(await store.label('draft-u5', id, 'kbis', '2026-10-01')).toMatchObject({
        issuedOn: '2026-10-01',
      });
      expect(await store.label('draft-u5', id, 'kbis')).toMatchObject({ issuedOn: '2026-10-01' });
      await store.move('draft-u5', 'ALZ-2026-0008');
      expect((await store.list('ALZ-2026-0008'))[0]).toMatchObject({ id, issuedOn: '2026-10-01' });
      const other = await store.label('ALZ-2026-0008', id, 'other');
      expect(other?.issuedOn).toBeUndefined();
      expect((await store.list('ALZ-2026-0008'))[0]?.issuedOn).toBeUndefined();
      await store.removeAll('ALZ-2026-0008');
    });

    it('says which piece a document is, moves a draft’s documents to its reference and erases them', async () => {
      const stored = await intake.add('draft-u4', { name: 'scan.png', bytes: pngBytes() });
      const id = stored.outcome === 'stored' ? stored.document.id : '';
      expect(await store.label('draft-u4', id, 'rib')).toMatchObject({ id, piece: 'rib', type: 'image/png' });
      expect(await store.move('draft-u4', 'ALZ-2026-0007')).toBe(1);
      expect(await store.list('draft-u4')).toEqual([]);
      const moved = await store.list('ALZ-2026-0007');
      expect(moved).toEqual([expect.objectContaining({ id, piece: 'rib', name: 'scan.png' })]);
      expect(sha256((await store.read('ALZ-2026-0007', id))!.bytes)).toBe(sha256(pngBytes()));
      expect(await store.removeAll('ALZ-2026-0007')).toBe(1);
      expect(await store.list('ALZ-2026-0007')).toEqual([]);
      expect(await store.read('ALZ-2026-0007', id)).toBeUndefined();
    });

    it('never reads outside its own folder: an owner or id that is a path is refused', async () => {
      await expect(store.list('../state')).rejects.toThrow(RangeError);
      await expect(store.list('ALZ/../../etc')).rejects.toThrow(RangeError);
      expect(await store.read('ALZ-2026-0007', '../../state/x')).toBeUndefined();
    });
  });
}

function pngBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('IHDR...'),
  ]);
}
