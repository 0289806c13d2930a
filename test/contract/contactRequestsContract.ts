import type { ContactRequestStore } from '../../storage/contactRequests.js';

export interface ContactRequestFixture {
  open(): ContactRequestStore;
}

export function describeContactRequestsContract(
  name: string,
  makeFixture: () => ContactRequestFixture,
): void {
  describe(`${name}: contact requests contract`, () => {
    let fixture: ContactRequestFixture;
    let store: ContactRequestStore;
    beforeEach(() => {
      fixture = makeFixture();
      store = fixture.open();
    });

    it('is empty at first, then lists every request oldest first, as another instance sees them', async () => {
      expect(await store.list()).toEqual([]);
      const later = await store.add({
        kind: 'handoff',
        userId: 'u2',
        reason: 'question sur le « volet conseil »',
        now: new Date('2026-03-17T10:00:00Z'),
      });
      const earlier = await store.add({
        kind: 'callback',
        userId: 'u1',
        name: 'Marie Dupont',
        phone: '+33612345678',
        preferredMoment: 'demain matin',
        now: new Date('2026-03-16T16:45:00Z'),
      });
      expect(earlier).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: 'callback',
        createdAt: '2026-03-16T16:45:00.000Z',
        userId: 'u1',
        name: 'Marie Dupont',
        phone: '+33612345678',
        preferredMoment: 'demain matin',
        status: 'pending',
      });
      expect(await fixture.open().list()).toEqual([earlier, later]);
    });

    it('refuses an unknown kind and a request without a user', async () => {
      await expect(store.add({ kind: 'visit' as 'callback', userId: 'u1' })).rejects.toThrow(TypeError);
      await expect(store.add({ kind: 'callback', userId: ' ' })).rejects.toThrow(TypeError);
      expect(await store.list()).toEqual([]);
    });

    it('keeps a status given at creation', async () => {
      const done = await store.add({ kind: 'callback', userId: 'u1', status: 'done', now: new Date(0) });
      expect((await store.list()).map((request) => [request.id, request.status])).toEqual([
        [done.id, 'done'],
      ]);
    });

    it("erases every request of one user, name and phone included, and nobody else's", async () => {
      await store.add({ kind: 'callback', userId: 'u1', name: 'Marie Dupont', phone: '+33612345678' });
      await store.add({ kind: 'handoff', userId: 'u1', reason: 'reprise' });
      const other = await store.add({ kind: 'callback', userId: 'u2', name: 'Paul Martin' });
      expect(await store.eraseUser('u1')).toBe(2);
      expect(await fixture.open().list()).toEqual([other]);
      expect(await store.eraseUser('u1')).toBe(0);
    });
  });
}
