import {
  APPLICATION_STATUSES,
  isApplicationStatus,
  type ApplicationStatus,
} from '../dialogs/domain/applicationStatus.js';

/** Who a change is recorded as when the PATCH body does not say. */
export const DEFAULT_CHANGED_BY = 'committee-api';

export const BODY_FIELDS = ['status', 'comment', 'by'] as const;
/** The list's query parameters; the CSV export, always whole, takes `status` and `headers=keys` only. */
export const LIST_PARAMETERS = ['status', 'limit', 'cursor'] as const;
export const EXPORT_PARAMETERS = ['status', 'headers'] as const;
/** `headers=keys`: the CSV with record keys as headers and codes as values (the form tools read). */
export const EXPORT_HEADERS = ['labels', 'keys'] as const;
export const MAX_LENGTH = { status: 40, comment: 2000, by: 100 } as const;

/** A refused request: its JSON error code, the sentence that explains it (a locale key) and the details. */
export interface ApiProblem {
  error: string;
  messageKey: string;
  values?: Record<string, string | number>;
  details?: Record<string, unknown>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ApiProblem };

export interface StatusChangeRequest {
  /** Not yet checked against the statuses: the answer to an unknown one names the file's next statuses. */
  status: string;
  comment?: string;
  by: string;
}

const refuse = (problem: ApiProblem): { ok: false; problem: ApiProblem } => ({ ok: false, problem });

const invalidBody = (messageKey: string, field?: string, values: Record<string, string | number> = {}) =>
  refuse({
    error: 'invalid_body',
    messageKey,
    values: field === undefined ? values : { field, ...values },
    details: field === undefined ? {} : { field },
  });

/** `application/json` or a `+json` type (`application/merge-patch+json`); anything else is refused with 415. */
export function isJsonMediaType(contentType: string): boolean {
  const type = contentType.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

type TextField = keyof typeof MAX_LENGTH;

function text(body: Record<string, unknown>, field: TextField): Parsed<string | undefined> {
  const value = body[field];
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'string') return invalidBody('committeeApi:error.notText', field);
  const trimmed = value.trim();
  if (trimmed === '') return invalidBody('committeeApi:error.emptyText', field);
  if (trimmed.length > MAX_LENGTH[field])
    return invalidBody('committeeApi:error.tooLong', field, { max: MAX_LENGTH[field] });
  return { ok: true, value: trimmed };
}

/** `{ status, comment?, by? }`, nothing else: a misspelt "commentaire" must not silently lose the comment. */
export function parseStatusChangeBody(body: unknown): Parsed<StatusChangeRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return invalidBody('committeeApi:error.bodyNotObject');
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !(BODY_FIELDS as readonly string[]).includes(key));
  if (unknown !== undefined)
    return invalidBody('committeeApi:error.unknownField', unknown, { fields: BODY_FIELDS.join(', ') });
  if (fields.status === undefined) return invalidBody('committeeApi:error.missingStatus', 'status');
  const status = text(fields, 'status');
  if (!status.ok) return status;
  const comment = text(fields, 'comment');
  if (!comment.ok) return comment;
  const by = text(fields, 'by');
  if (!by.ok) return by;
  return {
    ok: true,
    value: {
      status: status.value as string,
      by: by.value ?? DEFAULT_CHANGED_BY,
      ...(comment.value === undefined ? {} : { comment: comment.value }),
    },
  };
}

export function unknownStatusProblem(status: string, allowed: readonly ApplicationStatus[]): ApiProblem {
  return {
    error: 'unknown_status',
    messageKey: 'committee:error.unknownStatus',
    values: { status, statuses: allowed.join(', ') },
    details: { status, allowed },
  };
}

export interface ListQuery {
  status?: ApplicationStatus;
  /** The whole query, for the paging parameters. */
  params: URLSearchParams;
}

/** `?status=in_review` or nothing, and `parameters`; an unknown or repeated one is refused rather than ignored. */
export function parseListQuery(
  rawQuery: string,
  parameters: readonly string[] = EXPORT_PARAMETERS,
): Parsed<ListQuery> {
  const params = new URLSearchParams(rawQuery);
  for (const name of new Set(params.keys())) {
    if (!parameters.includes(name)) {
      return refuse({
        error: 'unknown_parameter',
        messageKey: 'committeeApi:error.unknownParameter',
        values: { parameter: name, parameters: parameters.join(', '), count: parameters.length },
        details: { parameter: name },
      });
    }
    if (params.getAll(name).length > 1) {
      return refuse({
        error: 'repeated_parameter',
        messageKey: 'committeeApi:error.repeatedParameter',
        values: { parameter: name },
        details: { parameter: name },
      });
    }
  }
  const headers = params.get('headers');
  if (headers !== null && !(EXPORT_HEADERS as readonly string[]).includes(headers)) {
    return refuse({
      error: 'invalid_parameter',
      messageKey: 'committeeApi:error.invalidHeaders',
      values: { parameter: 'headers', allowed: EXPORT_HEADERS.join(', ') },
      details: { parameter: 'headers' },
    });
  }
  const status = params.get('status');
  if (status === null) return { ok: true, value: { params } };
  if (!isApplicationStatus(status)) return refuse(unknownStatusProblem(status, APPLICATION_STATUSES));
  return { ok: true, value: { status, params } };
}
