import {
  APPLICATION_STATUSES,
  applicationVersion,
  IllegalTransitionError,
  StaleVersionError,
  UnknownReferenceError,
  type ApplicationQueue,
  type ApplicationStatus,
  type NewApplication,
} from '../../storage/index.js';
import { newApplication, type QueueFixture } from './queueContract.js';

// Written out from DOMAIN.md on purpose, rather than derived from the code under test.
export const LEGAL: Record<ApplicationStatus, ApplicationStatus[]> = {
  received: ['in_review', 'withdrawn'],
  in_review: ['incomplete', 'accepted', 'rejected', 'withdrawn'],
  incomplete: ['in_review', 'withdrawn'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};
const PATH_TO: Record<ApplicationStatus, ApplicationStatus[]> = {
  received: [],
  in_review: ['in_review'],
  incomplete: ['in_review', 'incomplete'],
  accepted: ['in_review', 'accepted'],
  rejected: ['in_review', 'rejected'],
  withdrawn: ['withdrawn'],
};
export const ALL_PAIRS = APPLICATION_STATUSES.flatMap((from) =>
  APPLICATION_STATUSES.map((to) => ({ from, to, legal: LEGAL[from].includes(to) })),
);

/** Status changes: the same legal moves, errors and history whatever the back end. */
export function describeQueueStatusContract(name: string, makeFixture: () => QueueFixture): void {
  describe(`${name}: committee queue status contract`, () => {
    let fixture: QueueFixture;
    let queue: ApplicationQueue;
    let keyCounter = 0;
    const submit = (overrides: Partial<NewApplication> = {}) =>
      queue.submit(newApplication(overrides), `status-${++keyCounter}`);

    beforeEach(() => {
      fixture = makeFixture();
      queue = fixture.open();
    });

    describe('status changes', () => {
      it.each(ALL_PAIRS)('$from → $to on a stored file: legal = $legal', async ({ from, to, legal }) => {
        const { reference } = (await submit()).application;
        for (const step of PATH_TO[from]) await queue.changeStatus(reference, step, 'committee:setup');
        const change = queue.changeStatus(reference, to, 'committee:marie');
        if (legal) {
          expect((await change).status).toBe(to);
        } else {
          await expect(change).rejects.toThrow(IllegalTransitionError);
          expect((await queue.get(reference))?.status).toBe(from);
        }
      });

      it('logs every change: when, who, from, to and the comment', async () => {
        const { reference } = (await submit()).application;
        await queue.changeStatus(
          reference,
          'in_review',
          'committee:marie',
          undefined,
          new Date('2026-03-17T08:00:00Z'),
        );
        const updated = await queue.changeStatus(
          reference,
          'incomplete',
          'committee:paul',
          'Kbis de plus de 3 mois',
          new Date('2026-03-18T14:15:00Z'),
        );
        expect(updated.history).toEqual([
          { at: '2026-03-16T09:30:00.000Z', by: 'user-1', from: null, to: 'received' },
          { at: '2026-03-17T08:00:00.000Z', by: 'committee:marie', from: 'received', to: 'in_review' },
          {
            at: '2026-03-18T14:15:00.000Z',
            by: 'committee:paul',
            from: 'in_review',
            to: 'incomplete',
            comment: 'Kbis de plus de 3 mois',
          },
        ]);
        expect(await fixture.open().get(reference)).toEqual(updated);
      });

      it('refuses unknown and malformed references', async () => {
        await expect(queue.changeStatus('ALZ-2026-0404', 'in_review', 'x')).rejects.toThrow(
          UnknownReferenceError,
        );
        await expect(queue.changeStatus('../../etc/passwd', 'in_review', 'x')).rejects.toThrow(
          UnknownReferenceError,
        );
      });

      it('two reviewers moving one file at once: one change wins, the other is refused, none is lost', async () => {
        const { reference } = (await submit()).application;
        const other = fixture.open();
        const results = await Promise.allSettled([
          queue.changeStatus(reference, 'in_review', 'committee:marie'),
          other.changeStatus(reference, 'in_review', 'committee:paul'),
        ]);
        const won = results.filter((result) => result.status === 'fulfilled');
        const lost = results.filter((result) => result.status === 'rejected');
        expect([won.length, lost.length]).toEqual([1, 1]);
        expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(IllegalTransitionError);
        const stored = await queue.get(reference);
        expect(stored?.history.map((change) => change.to)).toEqual(['received', 'in_review']);
        expect(stored).toEqual((won[0] as PromiseFulfilledResult<unknown>).value);
      });
    });

    describe("versions (the HTTP API's ETag and If-Match)", () => {
      it('is the version of the file as written out here, whatever the back end', async () => {
        const { reference } = (await submit({ userId: 'user-7', data: { 'company.headcount': 12 } }))
          .application;
        // Key order differs between back ends; the version does not.
        const expected = applicationVersion({
          history: [{ to: 'received', from: null, by: 'user-7', at: '2026-03-16T09:30:00.000Z' }],
          data: { 'company.headcount': 12 },
          eligibility: { verdict: 'OK', reasons: [] },
          userId: 'user-7',
          origin: 'applicant',
          channel: 'webchat',
          submittedAt: '2026-03-16T09:30:00.000Z',
          status: 'received',
          reference,
        });
        expect(applicationVersion((await fixture.open().get(reference))!)).toBe(expected);
      });

      it('a change made with the current version applies and gives the version a later read sees', async () => {
        const { application } = await submit();
        const updated = await queue.changeStatus(
          application.reference,
          'in_review',
          'committee:marie',
          undefined,
          new Date('2026-03-17T08:00:00Z'),
          ['some-other-version', applicationVersion(application)],
        );
        expect(updated.status).toBe('in_review');
        const seen = await fixture.open().get(application.reference);
        expect(applicationVersion(seen!)).toBe(applicationVersion(updated));
        expect(applicationVersion(updated)).not.toBe(applicationVersion(application));
      });

      it('two reviewers with the same version: the first change wins, the second is refused, one entry', async () => {
        const { application } = await submit();
        const version = applicationVersion(application);
        const first = await queue.changeStatus(application.reference, 'in_review', 'committee:marie');
        // Legal from the new status too: only the version stops it.
        const second = fixture
          .open()
          .changeStatus(application.reference, 'withdrawn', 'committee:paul', undefined, undefined, [
            version,
          ]);
        await expect(second).rejects.toThrow(StaleVersionError);
        const stored = await queue.get(application.reference);
        expect(stored).toEqual(first);
        expect(stored?.history.map((change) => change.to)).toEqual(['received', 'in_review']);
      });

      it('two reviewers at once with the same version: exactly one change is written', async () => {
        const { application } = await submit();
        const version = [applicationVersion(application)];
        const results = await Promise.allSettled([
          queue.changeStatus(
            application.reference,
            'in_review',
            'committee:marie',
            undefined,
            undefined,
            version,
          ),
          fixture
            .open()
            .changeStatus(
              application.reference,
              'withdrawn',
              'committee:paul',
              undefined,
              undefined,
              version,
            ),
        ]);
        const lost = results.filter((result) => result.status === 'rejected');
        expect(lost).toHaveLength(1);
        expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersionError);
        expect((await queue.get(application.reference))?.history).toHaveLength(2);
      });
    });
  });
}
