import { listPage, listRow } from '../../committee/backOffice/backOfficeListModel.js';
import {
  DEFAULT_QUERY,
  parseListQuery,
  queryParams,
  UNASSIGNED,
} from '../../committee/backOffice/backOfficeQuery.js';
import { mayChangeTo, roleOfIdentity } from '../../committee/backOffice/backOfficeRoles.js';
import { applyAmendment } from '../../storage/applicationAmendment.js';
import type { StoredApplication } from '../../storage/applicationQueue.js';
import { ANONYMISED, anonymisation } from '../../storage/retentionPolicy.js';

const file = (
  index: number,
  data: Record<string, unknown>,
  extra: Partial<StoredApplication> = {},
): StoredApplication => ({
  reference: `ALZ-2026-${String(index).padStart(4, '0')}`,
  status: 'received',
  submittedAt: `2026-10-${String(index).padStart(2, '0')}T09:00:00.000Z`,
  channel: 'webchat',
  origin: 'applicant',
  userId: `user-${index}`,
  data,
  history: [],
  ...extra,
});

const files = [
  file(1, {
    'company.name': 'Méca-Cévennes',
    'company.siret': '73282932000074',
    'company.commune': 'Alès',
    'project.amountRequested': 50000,
    'project.aidTypes': ['financial'],
  }),
  file(
    2,
    {
      'company.name': 'Boulangerie du Gardon',
      'company.commune': 'Anduze',
      'project.amountRequested': 20000,
      'project.aidTypes': ['advice'],
    },
    { assignedTo: 'Camille' },
  ),
  file(
    3,
    {
      'company.name': 'Atelier Cévenol',
      'company.commune': 'Alès',
      'project.aidTypes': ['financial', 'advice'],
    },
    { status: 'in_review' },
  ),
];
const rows = files.map(listRow);
const refs = (query: Partial<typeof DEFAULT_QUERY>) =>
  listPage(rows, { ...DEFAULT_QUERY, ...query }).rows.map((row) => row.reference);

describe('the back office list: filters, search, sort and paging', () => {
  test.each([
    [{ q: 'meca' }, ['ALZ-2026-0001']],
    [{ q: 'CÉVEN' }, ['ALZ-2026-0003', 'ALZ-2026-0001']],
    [{ q: '732 829 320' }, ['ALZ-2026-0001']],
    [{ q: 'alz-2026-0002' }, ['ALZ-2026-0002']],
    [{ commune: 'ales' }, ['ALZ-2026-0003', 'ALZ-2026-0001']],
    [{ volet: 'advice' }, ['ALZ-2026-0003', 'ALZ-2026-0002']],
    [{ status: 'in_review' as const }, ['ALZ-2026-0003']],
    [{ assigned: 'Camille' }, ['ALZ-2026-0002']],
    [{ assigned: UNASSIGNED }, ['ALZ-2026-0003', 'ALZ-2026-0001']],
    [{ sort: 'amount' as const, dir: 'desc' as const }, ['ALZ-2026-0001', 'ALZ-2026-0002', 'ALZ-2026-0003']],
    [{ sort: 'company' as const, dir: 'asc' as const }, ['ALZ-2026-0003', 'ALZ-2026-0002', 'ALZ-2026-0001']],
  ])('%j → %j', (query, expected) => {
    expect(refs(query)).toEqual(expected);
  });

  test('50 a page; a page past the last shows the last', () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      listRow(file(i + 1, { 'company.name': `Entreprise ${i}` })),
    );
    const third = listPage(many, { ...DEFAULT_QUERY, page: 9 });
    expect([third.page, third.pageCount, third.rows.length, third.total]).toEqual([3, 3, 20, 120]);
  });

  test('the query reads back from its own parameters, and refuses what it does not know', () => {
    const query = {
      ...DEFAULT_QUERY,
      q: 'méca',
      status: 'received' as const,
      sort: 'jobs' as const,
      dir: 'asc' as const,
      page: 2,
    };
    expect(parseListQuery(queryParams(query))).toEqual({ ok: true, value: query });
    for (const bad of ['page=0', 'page=-1', 'volet=cash', 'sort=siret', 'q=a&q=b']) {
      expect(parseListQuery(new URLSearchParams(bad)).ok).toBe(false);
    }
  });
});

describe('back office roles', () => {
  const committee = {
    committeeIds: ['c0000000-0000-4000-8000-00000000c001'],
    committeeGroupId: '0c0c0c0c-1111-4222-8333-444455556666',
  };
  const advisors = { advisorIds: ['a0000000-0000-4000-8000-00000000a001'] };
  test.each([
    [{ source: 'web-signin' as const, objectId: 'C0000000-0000-4000-8000-00000000C001' }, 'committee'],
    [
      { source: 'web-signin' as const, objectId: 'x', groups: ['0c0c0c0c-1111-4222-8333-444455556666'] },
      'committee',
    ],
    [{ source: 'web-signin' as const, objectId: 'a0000000-0000-4000-8000-00000000a001' }, 'advisor'],
    [{ source: 'web-signin' as const, objectId: 'someone-else' }, undefined],
    [{ source: 'teams' as const, objectId: 'c0000000-0000-4000-8000-00000000c001' }, undefined],
  ])('%j is %s', (identity, role) => {
    expect(roleOfIdentity(identity, committee, advisors)).toBe(role);
  });
  test('only the committee decides', () => {
    expect(['in_review', 'incomplete', 'accepted', 'rejected'].map((s) => mayChangeTo('advisor', s))).toEqual(
      [true, true, false, false],
    );
    expect(['accepted', 'rejected'].every((s) => mayChangeTo('committee', s))).toBe(true);
  });
});

describe('private notes and anonymisation', () => {
  test('anonymising a file keeps who wrote each note and when, and drops what it said; the assignment is a staff name and stays', () => {
    const app = file(
      1,
      { 'contact.lastName': 'Martin' },
      {
        status: 'accepted',
        assignedTo: 'Camille',
        notes: [
          { at: '2026-10-02T10:00:00.000Z', by: 'Comité', text: 'Le gérant, M. Martin, au 06 12 34 56 78' },
        ],
      },
    );
    const anonymised = applyAmendment(app, anonymisation(app, new Date('2031-01-01T00:00:00Z')));
    expect(anonymised.notes).toEqual([{ at: '2026-10-02T10:00:00.000Z', by: 'Comité', text: ANONYMISED }]);
    expect(JSON.stringify(anonymised)).not.toContain('Martin');
    expect(anonymised.assignedTo).toBe('Camille');
  });

  test('a file without notes gets none from its anonymisation', () => {
    const app = file(1, {});
    expect(applyAmendment(app, anonymisation(app, new Date('2031-01-01T00:00:00Z'))).notes).toBeUndefined();
  });
});
