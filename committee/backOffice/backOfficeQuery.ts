import { AID_TYPES } from '../../dialogs/domain/applicationChoices.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../dialogs/domain/applicationStatus.js';

/** The list's columns, each sortable (`?sort=amount&dir=desc`). */
export const LIST_COLUMNS = [
  'reference',
  'company',
  'commune',
  'volets',
  'amount',
  'jobs',
  'status',
  'date',
  'assigned',
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

/** Files not assigned to anyone, in the assigned advisor filter. */
export const UNASSIGNED = '-';
export const PAGE_SIZE = 50;

/** The list's view, all in GET parameters: a filtered view is a URL, bookmarked as a saved filter. */
export interface ListQuery {
  q: string;
  status?: ApplicationStatus;
  commune: string;
  volet: string;
  assigned: string;
  sort: ListColumn;
  dir: 'asc' | 'desc';
  page: number;
}

export const DEFAULT_QUERY: ListQuery = {
  q: '',
  commune: '',
  volet: '',
  assigned: '',
  sort: 'date',
  dir: 'desc',
  page: 1,
};

/** Which parameter was wrong, for the 400 page. */
export type QueryProblem = { parameter: string };

const FILTER_KEYS = ['q', 'status', 'commune', 'volet', 'assigned', 'sort', 'dir', 'page'] as const;
const MAX_TEXT = 100;

/** Reads the list's parameters; a repeated, too long or unknown value is a problem (400), never a crash. */
export function parseListQuery(
  params: URLSearchParams,
): { ok: true; value: ListQuery } | { ok: false; problem: QueryProblem } {
  const value: ListQuery = { ...DEFAULT_QUERY };
  for (const key of FILTER_KEYS) {
    const all = params.getAll(key);
    if (all.length > 1) return { ok: false, problem: { parameter: key } };
    const raw = (all[0] ?? '').trim();
    if (raw.length > MAX_TEXT) return { ok: false, problem: { parameter: key } };
    if (raw === '') continue;
    switch (key) {
      case 'q':
      case 'commune':
      case 'assigned':
        value[key] = raw;
        break;
      case 'status':
        if (!(APPLICATION_STATUSES as readonly string[]).includes(raw))
          return { ok: false, problem: { parameter: key } };
        value.status = raw as ApplicationStatus;
        break;
      case 'volet':
        if (!(AID_TYPES as readonly string[]).includes(raw))
          return { ok: false, problem: { parameter: key } };
        value.volet = raw;
        break;
      case 'sort':
        if (!(LIST_COLUMNS as readonly string[]).includes(raw))
          return { ok: false, problem: { parameter: key } };
        value.sort = raw as ListColumn;
        break;
      case 'dir':
        if (raw !== 'asc' && raw !== 'desc') return { ok: false, problem: { parameter: key } };
        value.dir = raw;
        break;
      case 'page':
        if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) return { ok: false, problem: { parameter: key } };
        value.page = Number(raw);
        break;
    }
  }
  return { ok: true, value };
}

/** The query as URL parameters, defaults left out (short, stable bookmarks). */
export function queryParams(query: ListQuery, changes: Partial<ListQuery> = {}): URLSearchParams {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set('q', merged.q);
  if (merged.status) params.set('status', merged.status);
  if (merged.commune) params.set('commune', merged.commune);
  if (merged.volet) params.set('volet', merged.volet);
  if (merged.assigned) params.set('assigned', merged.assigned);
  if (merged.sort !== DEFAULT_QUERY.sort || merged.dir !== DEFAULT_QUERY.dir) {
    params.set('sort', merged.sort);
    params.set('dir', merged.dir);
  }
  if (merged.page > 1) params.set('page', String(merged.page));
  return params;
}
