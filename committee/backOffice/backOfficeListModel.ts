import { stripBidi } from '../../dialogs/domain/plainText.js';
import type { StoredApplication } from '../../storage/index.js';
import { UNASSIGNED, PAGE_SIZE, type ListColumn, type ListQuery } from './backOfficeQuery.js';

/** One line of the list: what its columns, filters and search read, computed once per file. */
export interface ListRow {
  app: StoredApplication;
  reference: string;
  company: string;
  commune: string;
  volets: string[];
  amount?: number;
  jobs?: number;
  status: string;
  date: string;
  assigned: string;
  /** Lower case, without accents: what the search compares. */
  searchText: string;
  siretDigits: string;
}

export interface ListPage {
  rows: ListRow[];
  /** Files matching the filters (all pages). */
  total: number;
  page: number;
  pageCount: number;
  /** The filters' choices, from every file (not only the filtered ones). */
  communes: string[];
  assignees: string[];
}

/** Applicants typed it: bidirectional controls go, so a name cannot reorder what the committee reads. */
const text = (value: unknown): string => (typeof value === 'string' ? stripBidi(value) : '');
const number = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** « Méca-Cévennes » → « meca-cevennes »: the search finds a name however its accents were typed. */
export function folded(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function listRow(app: StoredApplication): ListRow {
  const company = text(app.data['company.name']);
  const siret = app.data['company.siret'];
  const siretDigits = (typeof siret === 'number' ? String(siret) : text(siret)).replace(/\D/g, '');
  const volets = Array.isArray(app.data['project.aidTypes'])
    ? (app.data['project.aidTypes'] as unknown[]).filter((v): v is string => typeof v === 'string')
    : [];
  return {
    app,
    reference: app.reference,
    company,
    commune: text(app.data['company.commune']),
    volets,
    amount: number(app.data['project.amountRequested']),
    jobs: number(app.data['project.jobsCreated']),
    status: app.status,
    date: app.submittedAt,
    assigned: app.assignedTo ?? '',
    searchText: folded(`${app.reference} ${company}`),
    siretDigits,
  };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function compare(column: ListColumn, a: ListRow, b: ListRow): number {
  switch (column) {
    case 'amount':
    case 'jobs':
      return (a[column] ?? -1) - (b[column] ?? -1);
    case 'volets':
      return collator.compare(a.volets.join(','), b.volets.join(','));
    case 'date':
      return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
    case 'reference':
      return collator.compare(a.reference, b.reference);
    default:
      return collator.compare(a[column], b[column]);
  }
}

function matches(row: ListRow, query: ListQuery, search: string, searchDigits: string): boolean {
  if (query.status && row.status !== query.status) return false;
  if (query.commune && folded(row.commune) !== folded(query.commune)) return false;
  if (query.volet && !row.volets.includes(query.volet)) return false;
  if (
    query.assigned === UNASSIGNED ? row.assigned !== '' : query.assigned && row.assigned !== query.assigned
  ) {
    return false;
  }
  if (search === '') return true;
  return (
    row.searchText.includes(search) || (searchDigits.length >= 3 && row.siretDigits.includes(searchDigits))
  );
}

/** Every file the filters and the search keep, sorted (then by reference). */
export function matchingRows(rows: readonly ListRow[], query: ListQuery): ListRow[] {
  const search = folded(query.q.trim());
  const searchDigits = /^[\d\s]+$/.test(query.q) ? query.q.replace(/\D/g, '') : '';
  const sign = query.dir === 'asc' ? 1 : -1;
  return rows
    .filter((row) => matches(row, query, search, searchDigits))
    .sort((a, b) => sign * compare(query.sort, a, b) || collator.compare(a.reference, b.reference));
}

/** Filters, searches, sorts and cuts one page; a page past the last shows the last. */
export function listPage(rows: readonly ListRow[], query: ListQuery): ListPage {
  const found = matchingRows(rows, query);
  const pageCount = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const distinct = (values: string[]) => [...new Set(values.filter((v) => v !== ''))].sort(collator.compare);
  return {
    rows: found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: found.length,
    page,
    pageCount,
    communes: distinct(rows.map((row) => row.commune)),
    assignees: distinct(rows.map((row) => row.assigned)),
  };
}
