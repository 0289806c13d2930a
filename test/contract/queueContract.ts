import { IllegalTransitionError, type ApplicationQueue, type NewApplication } from '../../storage/index.js';

/** Opens queue objects on one store: a second `open()` is the committee CLI, or another bot instance. */
export interface QueueFixture {
  open(): ApplicationQueue;
}

const MARCH_2026 = new Date('2026-03-16T09:30:00.000Z');

export function newApplication(overrides: Partial<NewApplication> = {}): NewApplication {
  return {
    channel: 'webchat',
    origin: 'applicant',
    userId: 'user-1',
    eligibility: { verdict: 'OK', reasons: [] },
    data: { 'company.siret': '73282932000074', 'company.headcount': 12, 'project.investment': 180000 },
    now: MARCH_2026,
    ...overrides,
  };
}

export const referencesUpTo = (count: number, year = 2026): string[] =>
  Array.from({ length: count }, (_, index) => `ALZ-${year}-${String(index + 1).padStart(4, '0')}`);

const refs = (list: { reference: string }[]): string[] => list.map((application) => application.reference);

const CONCURRENT = 200;

export function describeQueueContract(name: string, makeFixture: () => QueueFixture): void {
  describe(`${name}: committee queue contract`, () => {
    let fixture: QueueFixture;
    let queue: ApplicationQueue;
    let keyCounter = 0;
    const submit = (overrides: Partial<NewApplication> = {}, key = `key-${++keyCounter}`) =>
      queue.submit(newApplication(overrides), key);

    beforeEach(() => {
      fixture = makeFixture();
      queue = fixture.open();
    });

    describe('amendments (retention marks, anonymisation)', () => {
      it('marks a file and replaces fields, visible to another queue object, status untouched', async () => {
        const { application } = await submit({
          data: { 'contact.email': 'marie@exemple.fr', 'company.headcount': 12 },
        });
        await queue.amend(application.reference, {
          retention: { erasureRequestedAt: '2026-04-01T10:00:00.000Z' },
        });
        const amended = await queue.amend(application.reference, {
          retention: { anonymisedAt: '2026-05-01T10:00:00.000Z' },
          data: { 'contact.email': null },
          userId: 'anonymised',
          dropConversationReference: true,
        });
        const seen = await fixture.open().get(application.reference);
        expect(seen).toEqual(amended);
        expect(seen?.retention).toEqual({
          erasureRequestedAt: '2026-04-01T10:00:00.000Z',
          anonymisedAt: '2026-05-01T10:00:00.000Z',
        });
        expect(seen?.data).toEqual({ 'contact.email': null, 'company.headcount': 12 });
        expect(seen?.userId).toBe('anonymised');
        expect(seen?.status).toBe('received');
        expect(seen?.history).toEqual(application.history);
      });

      it('keeps the checks of a submission, merges later ones and adds a history line under the lock', async () => {
        const { application } = await submit({
          eligibility: {
            verdict: 'OK',
            reasons: [],
            check: { verdict: 'NO', reasons: ['eligibility:reason.proceedings.liquidation'] },
          },
          checks: {
            duplicateOf: ['ALZ-2026-0007'],
            costMismatch: { investment: 9, amountRequested: 1, otherFinancing: 2 },
          },
        });
        const note = {
          at: '2026-04-01T10:00:00.000Z',
          by: 'user-1',
          from: 'received' as const,
          to: 'received' as const,
          comment: 'le chiffre d’affaires est de 1 500 000 €',
          kind: 'correctionRequest' as const,
        };
        await queue.amend(application.reference, { checks: { duplicateOf: ['ALZ-2026-0003'] } });
        await queue.amend(application.reference, { appendHistory: [note] });
        const seen = await fixture.open().get(application.reference);
        expect(seen?.eligibility?.check?.verdict).toBe('NO');
        expect(seen?.checks).toEqual({
          duplicateOf: ['ALZ-2026-0003', 'ALZ-2026-0007'],
          costMismatch: { investment: 9, amountRequested: 1, otherFinancing: 2 },
        });
        expect(seen?.history).toEqual([...application.history, note]);
        expect(seen?.status).toBe('received');
      });

      it('keeps every line when documents are added while another queue object changes the status', async () => {
        const { application } = await submit();
        const other = fixture.open();
        const added = (index: number) => ({
          at: '2026-04-01T10:00:00.000Z',
          by: 'user-1',
          from: 'received' as const,
          to: 'received' as const,
          kind: 'documentAdded' as const,
          documentId: `doc-${index}`,
          piece: 'rib',
        });
        await Promise.all([
          queue.amend(application.reference, { appendHistory: [added(1)] }),
          other.changeStatus(application.reference, 'in_review', 'advisor-1'),
          other.amend(application.reference, { appendHistory: [added(2)] }),
        ]);
        const seen = await fixture.open().get(application.reference);
        expect(seen?.status).toBe('in_review');
        expect(
          seen?.history
            .filter((change) => change.kind === 'documentAdded')
            .map((c) => c.documentId)
            .sort(),
        ).toEqual(['doc-1', 'doc-2']);
        expect(seen?.history.filter((change) => change.to === 'in_review' && !change.kind)).toHaveLength(1);
      });

      it('keeps private notes added at once from two queue objects, and an assignment until it is removed', async () => {
        const { application } = await submit();
        const other = fixture.open();
        const note = (index: number) => ({
          at: '2026-04-02T10:00:00.000Z',
          by: 'Comité',
          text: `Note ${index}`,
        });
        await Promise.all([
          queue.amend(application.reference, { appendNotes: [note(1)] }),
          other.amend(application.reference, { appendNotes: [note(2)], assignedTo: 'Camille Conseillère' }),
          other.changeStatus(application.reference, 'in_review', 'advisor-1'),
        ]);
        const seen = await fixture.open().get(application.reference);
        expect(seen?.notes?.map((n) => n.text).sort()).toEqual(['Note 1', 'Note 2']);
        expect(seen?.assignedTo).toBe('Camille Conseillère');
        expect(seen?.status).toBe('in_review');
        const listed = (await fixture.open().list()).find((app) => app.reference === application.reference);
        expect(listed?.notes).toHaveLength(2);
        const unassigned = await queue.amend(application.reference, { assignedTo: null });
        expect(unassigned.assignedTo).toBeUndefined();
        expect((await fixture.open().get(application.reference))?.assignedTo).toBeUndefined();
        expect((await fixture.open().get(application.reference))?.notes).toHaveLength(2);
      });

      it('refuses an unknown reference', async () => {
        await expect(
          queue.amend('ALZ-2026-0999', { retention: { anonymisedAt: 'x' } }),
        ).rejects.toMatchObject({
          name: 'UnknownReferenceError',
        });
      });
    });

    describe('references', () => {
      it('numbers files ALZ-<year>-0001, 0002…', async () => {
        const references = [];
        for (let index = 0; index < 3; index++) references.push((await submit()).application.reference);
        expect(references).toEqual(referencesUpTo(3));
      });

      it('starts again at 0001 in a new year, and keeps counting the old year where it stopped', async () => {
        await submit({ now: new Date('2026-12-31T10:00:00Z') });
        await submit({ now: new Date('2026-12-31T11:00:00Z') });
        const newYear = await submit({ now: new Date('2027-01-02T08:00:00Z') });
        const lateOldYear = await submit({ now: new Date('2026-12-31T12:00:00Z') });
        expect(newYear.application.reference).toBe('ALZ-2027-0001');
        expect(lateOldYear.application.reference).toBe('ALZ-2026-0003');
      });

      it('takes the year in Paris time (31 December 23:30 in Alès is still the old year)', async () => {
        const lastMinute = await submit({ now: new Date('2026-12-31T22:59:59Z') });
        const midnight = await submit({ now: new Date('2026-12-31T23:00:00Z') });
        expect(lastMinute.application.reference).toBe('ALZ-2026-0001');
        expect(midnight.application.reference).toBe('ALZ-2027-0001');
      });

      it(`gives ${CONCURRENT} concurrent submissions distinct consecutive references and files`, async () => {
        const results = await Promise.all(
          Array.from({ length: CONCURRENT }, (_, index) => submit({ userId: `u${index}` })),
        );
        expect(results.map((result) => result.application.reference).sort()).toEqual(
          referencesUpTo(CONCURRENT),
        );
        expect(results.every((result) => result.created)).toBe(true);
        expect(refs(await queue.list())).toEqual(referencesUpTo(CONCURRENT));
      });
    });

    describe('idempotent submission', () => {
      it('returns the existing file with created:false when the same key is submitted again', async () => {
        const first = await submit({}, 'double-click');
        const second = await submit({ data: { changed: true } }, 'double-click');
        expect(first.created).toBe(true);
        expect(second).toEqual({ application: first.application, created: false });
        expect(refs(await queue.list())).toEqual(['ALZ-2026-0001']);
      });

      it('creates one file for 10 concurrent retries of the same request, from two queue objects', async () => {
        const other = fixture.open();
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, index) =>
            (index % 2 ? other : queue).submit(newApplication(), 'retried-http-request'),
          ),
        );
        expect(results.filter((result) => result.created)).toHaveLength(1);
        expect(new Set(refs(results.map((result) => result.application)))).toEqual(
          new Set(['ALZ-2026-0001']),
        );
        expect(refs(await queue.list())).toEqual(['ALZ-2026-0001']);
      });

      it('refuses an empty idempotency key', async () => {
        await expect(queue.submit(newApplication(), '  ')).rejects.toThrow(TypeError);
      });
    });

    describe('the stored file', () => {
      it('holds the form values, origin, eligibility and a first history entry, exactly as returned', async () => {
        const { application } = await submit({ conversationReference: { conversation: { id: 'c1' } } });
        expect(application).toEqual({
          reference: 'ALZ-2026-0001',
          status: 'received',
          submittedAt: '2026-03-16T09:30:00.000Z',
          channel: 'webchat',
          origin: 'applicant',
          userId: 'user-1',
          eligibility: { verdict: 'OK', reasons: [] },
          data: { 'company.siret': '73282932000074', 'company.headcount': 12, 'project.investment': 180000 },
          conversationReference: { conversation: { id: 'c1' } },
          history: [{ at: '2026-03-16T09:30:00.000Z', by: 'user-1', from: null, to: 'received' }],
        });
        expect(await fixture.open().get('ALZ-2026-0001')).toEqual(application);
      });

      it('keeps a long file whole (beyond the 64 KiB of one Azure Tables property)', async () => {
        const description = 'Pièces « aéronautiques » 🛩️ usinées. '.repeat(3000); // ~110 000 characters
        const { application } = await submit({ data: { 'project.description': description, none: null } });
        const read = await fixture.open().get(application.reference);
        expect(read?.data).toEqual({ 'project.description': description, none: null });
      });

      it('records an advisor as the author of a file they submit for an applicant', async () => {
        const { application } = await submit({ origin: 'advisor', advisorId: 'advisor-7' });
        expect(application.history[0]?.by).toBe('advisor-7');
        expect((await queue.get(application.reference))?.advisorId).toBe('advisor-7');
      });

      it('answers undefined for unknown or malformed references', async () => {
        await submit();
        for (const reference of [
          'ALZ-2026-0002',
          'ALZ-2026-1',
          '../ALZ-2026-0001',
          'ALZ-2026-0001.json',
          '',
        ]) {
          expect(await queue.get(reference)).toBeUndefined();
        }
      });
    });

    describe('list', () => {
      it('is empty before anything is submitted', async () => {
        expect(await queue.list()).toEqual([]);
      });

      it('filters by status and by user, in reference order', async () => {
        await submit({ userId: 'alice' });
        await submit({ userId: 'bob' });
        await submit({ userId: 'alice', now: new Date('2027-01-05T10:00:00Z') });
        await submit({ userId: 'alice' });
        await queue.changeStatus('ALZ-2026-0002', 'in_review', 'committee:marie');
        expect(refs(await queue.list())).toEqual([
          'ALZ-2026-0001',
          'ALZ-2026-0002',
          'ALZ-2026-0003',
          'ALZ-2027-0001',
        ]);
        expect(refs(await queue.list({ userId: 'alice' }))).toEqual([
          'ALZ-2026-0001',
          'ALZ-2026-0003',
          'ALZ-2027-0001',
        ]);
        expect(refs(await queue.list({ status: 'in_review' }))).toEqual(['ALZ-2026-0002']);
        expect(refs(await queue.list({ status: 'received', userId: 'bob' }))).toEqual([]);
      });
    });

    describe('two queue objects on one store (bot instances, the committee CLI)', () => {
      it('a second queue sees the files, and its status change is visible to the first', async () => {
        const cli = fixture.open();
        const { reference } = (await queue.submit(newApplication(), 'k1')).application;
        expect(refs(await cli.list())).toEqual([reference]);
        await cli.changeStatus(reference, 'in_review', 'committee:cli');
        expect((await queue.get(reference))?.status).toBe('in_review');
        await expect(queue.changeStatus(reference, 'in_review', 'committee:other')).rejects.toThrow(
          IllegalTransitionError,
        );
      });

      it('interleaved submissions from two queue objects share one gap-free sequence', async () => {
        const other = fixture.open();
        const results = await Promise.all(
          Array.from({ length: 40 }, (_, index) =>
            (index % 2 === 0 ? queue : other).submit(newApplication(), `two-${index}`),
          ),
        );
        expect(refs(results.map((result) => result.application)).sort()).toEqual(referencesUpTo(40));
      });
    });
  });
}
