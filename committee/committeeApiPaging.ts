import { compareReferences, parseReference } from '../storage/referenceSequence.js';
import type { ApiProblem, Parsed } from './committeeApiInput.js';

/** Files per page of `GET /api/applications` when `limit` is not given, and the most one page may hold. */
export const PAGE_LIMITS = { default: 100, max: 500 } as const;

export interface PageRequest {
  limit: number;
  /** The last reference of the previous page: this page starts after it. */
  after?: string;
}

const CURSOR_VERSION = '1:';
const CURSOR = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The cursor is opaque to callers: today the base64url of `1:<last reference of the page>`. Pages follow the
 * reference order (year, then sequence), so a file submitted or moved while a caller pages through the list
 * is never given twice, and one present all along is never missed.
 */
export const cursorAfter = (reference: string): string =>
  Buffer.from(`${CURSOR_VERSION}${reference}`, 'utf8').toString('base64url');

const invalid = (parameter: 'limit' | 'cursor', values: Record<string, number> = {}): Parsed<never> => ({
  ok: false,
  problem: invalidParameter(parameter, values),
});

function invalidParameter(parameter: 'limit' | 'cursor', values: Record<string, number>): ApiProblem {
  return {
    error: 'invalid_parameter',
    messageKey:
      parameter === 'limit' ? 'committeeApi:error.invalidLimit' : 'committeeApi:error.invalidCursor',
    values,
    details: { parameter },
  };
}

/** `limit` (1 to 500, default 100) and `cursor` (a `nextCursor` of ours) from the list's query. */
export function parsePageRequest(query: URLSearchParams): Parsed<PageRequest> {
  const limitText = query.get('limit');
  let limit: number = PAGE_LIMITS.default;
  if (limitText !== null) {
    limit = /^[1-9]\d{0,5}$/.test(limitText) ? Number(limitText) : 0;
    if (limit < 1 || limit > PAGE_LIMITS.max) return invalid('limit', { max: PAGE_LIMITS.max });
  }
  const cursor = query.get('cursor');
  if (cursor === null) return { ok: true, value: { limit } };
  const after = CURSOR.test(cursor) ? referenceInCursor(cursor) : undefined;
  if (after === undefined) return invalid('cursor');
  return { ok: true, value: { limit, after } };
}

function referenceInCursor(cursor: string): string | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_VERSION) || cursorAfter(text.slice(CURSOR_VERSION.length)) !== cursor) {
    return undefined;
  }
  const reference = text.slice(CURSOR_VERSION.length);
  return parseReference(reference) ? reference : undefined;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts; absent on the last page. */
  nextCursor?: string;
  /** The skipped (unreadable) files that fall within this page's span of references. */
  skipped: string[];
}

/** One page of files already sorted by reference, and the unreadable files of its span. */
export function pageOf<T extends { reference: string }>(
  sorted: readonly T[],
  skipped: readonly string[],
  request: PageRequest,
): Page<T> {
  const after = request.after;
  const isAfter = (reference: string) => after === undefined || compareReferences(reference, after) > 0;
  const rest = sorted.filter((item) => isAfter(item.reference));
  const items = rest.slice(0, request.limit);
  const last = rest.length > request.limit ? items[items.length - 1].reference : undefined;
  return {
    items,
    ...(last === undefined ? {} : { nextCursor: cursorAfter(last) }),
    skipped: skipped.filter(
      (reference) => isAfter(reference) && (last === undefined || compareReferences(reference, last) <= 0),
    ),
  };
}

/** RFC 8288: `</api/applications?status=…&limit=…&cursor=…>; rel="next"`, the request's filters kept. */
export function nextLink(path: string, query: URLSearchParams, limit: number, nextCursor: string): string {
  const next = new URLSearchParams();
  const status = query.get('status');
  if (status !== null) next.set('status', status);
  next.set('limit', String(limit));
  next.set('cursor', nextCursor);
  return `<${path}?${next.toString()}>; rel="next"`;
}
