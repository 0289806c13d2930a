import {
  APPLICATION_STATUSES,
  IllegalTransitionError,
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
  });
}
