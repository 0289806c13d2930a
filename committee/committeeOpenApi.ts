import { EXPORT_HEADERS, EXPORT_PARAMETERS } from './committeeApiInput.js';
import { PAGE_LIMITS } from './committeeApiPaging.js';
import { COMMITTEE_SCHEMAS } from './committeeOpenApiSchemas.js';
import {
  COMMON_ERRORS,
  errors,
  header,
  INTERNAL,
  json,
  parameter,
  response,
  schema,
} from './committeeOpenApiRefs.js';
import { PDF_PATHS } from './pdf/pdfOpenApi.js';

/** Where the document is served: public (it holds no data), rate-limited like the API's other routes. */
export const OPENAPI_PATH = '/api/openapi.json';

const SKIPPED_HEADERS = {
  'X-Skipped-Files': header('XSkippedFiles'),
  'X-Skipped-Count': header('XSkippedCount'),
};

const LIST_QUERY_ERRORS = ['UnknownStatus', 'UnknownParameter', 'RepeatedParameter'];

const paths = {
  '/api/applications': {
    get: {
      operationId: 'listApplications',
      summary: 'The files, a page at a time, as `committee list --json`',
      description:
        `Pages of \`limit\` files (default ${PAGE_LIMITS.default}, at most ${PAGE_LIMITS.max}) in reference order. ` +
        'When more follow, `Link: <…>; rel="next"` gives the next page (the same filter, a `cursor`); the last ' +
        'page has no Link. Unreadable files are left out and named in X-Skipped-Files (those of the page).',
      parameters: [parameter('Status'), parameter('Limit'), parameter('Cursor'), parameter('AcceptLanguage')],
      responses: {
        '200': {
          description: 'One page of files (an empty array when none).',
          headers: { Link: header('Link'), ...SKIPPED_HEADERS },
          content: json(schema('ApplicationList')),
        },
        '400': errors('A bad query.', ...LIST_QUERY_ERRORS, 'InvalidParameter'),
        ...COMMON_ERRORS,
        ...INTERNAL,
      },
    },
  },
  '/api/applications.csv': {
    get: {
      operationId: 'exportApplications',
      summary: 'Every file as the Excel export of `committee export` (UTF-8 BOM, `;`, CRLF), never paged',
      description:
        'French column titles and labels (English with Accept-Language: en), amounts as numbers, SIRET, postal ' +
        'code and phone as text for Excel; `headers=keys` gives the record keys and codes instead, for tools.',
      parameters: [parameter('Status'), parameter('Headers'), parameter('AcceptLanguage')],
      responses: {
        '200': {
          description: 'The CSV file.',
          headers: { 'Content-Disposition': header('ContentDisposition'), ...SKIPPED_HEADERS },
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        '400': errors(
          `A bad query (only ${EXPORT_PARAMETERS.join(', ')}).`,
          ...LIST_QUERY_ERRORS,
          'InvalidParameter',
        ),
        ...COMMON_ERRORS,
        ...INTERNAL,
      },
    },
  },
  '/api/applications/{reference}': {
    parameters: [parameter('Reference')],
    get: {
      operationId: 'getApplication',
      summary: 'One file, as `committee show REF --json`, with its ETag',
      parameters: [parameter('AcceptLanguage')],
      responses: {
        '200': {
          description: 'The file.',
          headers: { ETag: header('ETag') },
          content: json(schema('ApplicationRecord')),
        },
        '404': response('UnknownReference'),
        ...COMMON_ERRORS,
        ...INTERNAL,
      },
    },
    patch: {
      operationId: 'changeApplicationStatus',
      summary: 'Change the status: the rules and history of `committee status`',
      description:
        'Send the ETag of your GET in If-Match: if the file changed since, nothing is done (412). Without ' +
        'If-Match (or with `*`) the change is made on the file as it is now, as before ETags existed. The ' +
        'applicant is told in their conversation; the answer is the updated file and its new ETag.',
      parameters: [parameter('IfMatch'), parameter('AcceptLanguage')],
      requestBody: {
        required: true,
        description: 'Any JSON media type (`application/json`, `application/merge-patch+json`…).',
        content: json(schema('StatusChangeRequest')),
      },
      responses: {
        '200': {
          description: 'The updated file.',
          headers: { ETag: header('ETag') },
          content: json(schema('ApplicationRecord')),
        },
        '400': errors(
          'A bad body or If-Match, a status that is not one or not reachable from the current one.',
          'InvalidBody',
          'UnknownStatus',
          'IllegalTransition',
          'InvalidIfMatch',
          'ServerError',
        ),
        ...COMMON_ERRORS,
        '404': response('UnknownReference'),
        '412': errors('The file changed since your GET.', 'PreconditionFailed'),
        '413': errors('A body over MAX_BODY_BYTES.', 'ServerError'),
        '415': errors('A body that is not JSON.', 'UnsupportedMediaType'),
        '503': {
          description: 'Another program holds the files (the CLI, another instance).',
          headers: { 'Retry-After': header('RetryAfter') },
          content: json(schema('Busy')),
        },
        ...INTERNAL,
      },
    },
  },
  '/api/applications/{reference}/documents': {
    parameters: [parameter('Reference')],
    get: {
      operationId: 'listApplicationDocuments',
      summary: 'The supporting documents of a file, as `committee documents REF --json`',
      parameters: [parameter('AcceptLanguage')],
      responses: {
        '200': {
          description: 'The documents (an empty array when none).',
          content: json(schema('DocumentList')),
        },
        '404': response('UnknownReference'),
        ...COMMON_ERRORS,
        ...INTERNAL,
      },
    },
  },
  '/api/applications/{reference}/documents/{id}': {
    parameters: [
      parameter('Reference'),
      { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'A document id.' },
    ],
    get: {
      operationId: 'getApplicationDocument',
      summary: 'One document’s bytes, always as an attachment (never shown inline)',
      parameters: [parameter('AcceptLanguage')],
      responses: {
        '200': {
          description: 'The bytes; the type is the one read from them.',
          headers: { 'Content-Disposition': header('ContentDisposition') },
          content: {
            'application/pdf': { schema: { type: 'string', format: 'binary' } },
            'image/jpeg': { schema: { type: 'string', format: 'binary' } },
            'image/png': { schema: { type: 'string', format: 'binary' } },
          },
        },
        '404': errors('No such file, or no such document in it.', 'UnknownReference', 'UnknownDocument'),
        ...COMMON_ERRORS,
        ...INTERNAL,
      },
    },
  },
  ...PDF_PATHS,
  [OPENAPI_PATH]: {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document (no token needed: it holds no data)',
      security: [],
      responses: {
        '200': {
          description: 'OpenAPI 3.1',
          content: json({
            type: 'object',
            required: ['openapi'],
            properties: { openapi: { const: '3.1.1' } },
          }),
        },
        '429': response('TooManyRequests'),
      },
    },
  },
};

const components = {
  securitySchemes: {
    committeeToken: {
      type: 'http',
      scheme: 'bearer',
      description: 'COMMITTEE_TOKEN (at least 32 random characters); the scheme name is case-insensitive.',
    },
  },
  schemas: COMMITTEE_SCHEMAS,
  parameters: {
    Reference: {
      name: 'reference',
      in: 'path',
      required: true,
      description:
        'ALZ-2026-0007; any case (`alz-2026-0007` finds it). Anything else is an unknown file (404).',
      schema: { type: 'string', minLength: 1 },
    },
    Status: {
      name: 'status',
      in: 'query',
      description: 'Only the files of this status.',
      schema: schema('Status'),
    },
    Headers: {
      name: 'headers',
      in: 'query',
      description: '`keys`: record keys as column titles and codes as values (`received`, `takeover`).',
      schema: { enum: [...EXPORT_HEADERS], default: 'labels' },
    },
    Limit: {
      name: 'limit',
      in: 'query',
      description: `Files per page (default ${PAGE_LIMITS.default}).`,
      schema: { type: 'integer', minimum: 1, maximum: PAGE_LIMITS.max, default: PAGE_LIMITS.default },
    },
    Cursor: {
      name: 'cursor',
      in: 'query',
      description:
        'Opaque: copy it from the Link of the previous page; a cursor not of ours is refused (400).',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' },
    },
    IfMatch: {
      name: 'If-Match',
      in: 'header',
      description: 'The ETag of your GET (or a list of ETags, or `*`); weak ETags never match.',
      schema: { type: 'string' },
    },
    AcceptLanguage: {
      name: 'Accept-Language',
      in: 'header',
      description:
        '`en…` first gets the `message` of errors, the `…Label` fields and the CSV in English; anything else, French.',
      schema: { type: 'string' },
    },
  },
  headers: {
    ETag: {
      description: 'Strong ETag of the stored file: new after any change, the same on every back end.',
      required: true,
      schema: { type: 'string', pattern: '^"[\\x21\\x23-\\x7e]+"$' },
    },
    Link: {
      description:
        'RFC 8288, the next page: `</api/applications?…&cursor=…>; rel="next"`. Absent on the last page.',
      schema: { type: 'string', pattern: '^</api/applications\\?[^>]*cursor=[A-Za-z0-9_-]+>; rel="next"$' },
    },
    XSkippedFiles: {
      description: 'References of unreadable files left out, comma-separated; absent when none.',
      schema: { type: 'string', pattern: '^ALZ-\\d{4}-\\d{4,}(, ALZ-\\d{4}-\\d{4,})*$' },
    },
    XSkippedCount: {
      description: 'How many references X-Skipped-Files holds.',
      schema: { type: 'integer', minimum: 1 },
    },
    RetryAfter: { description: 'Seconds to wait.', required: true, schema: { type: 'integer', minimum: 1 } },
    WWWAuthenticate: {
      description:
        'RFC 6750: `Bearer realm="alize-committee"`, with `error="invalid_token"` for a wrong token.',
      required: true,
      schema: { type: 'string', pattern: '^Bearer realm="alize-committee"' },
    },
    ContentDisposition: {
      required: true,
      schema: { type: 'string', pattern: '^attachment; filename=".+\\.csv"$' },
    },
    PdfContentDisposition: {
      required: true,
      schema: { type: 'string', pattern: '^attachment; filename=".+\\.pdf"' },
    },
  },
  responses: {
    Unauthorized: {
      description:
        'Missing or wrong token: checked before anything else, so nothing is said about the files.',
      headers: { 'WWW-Authenticate': header('WWWAuthenticate') },
      content: json(schema('Unauthorized')),
    },
    UnknownReference: { description: 'No such file.', content: json(schema('UnknownReference')) },
    TooManyRequests: {
      description: 'RATE_LIMIT_PER_MINUTE reached for this address (each call costs one).',
      headers: { 'Retry-After': header('RetryAfter') },
      content: json(schema('TooManyRequests')),
    },
    InternalError: { description: 'An unexpected failure, logged.', content: json(schema('InternalError')) },
  },
};

/** The committee API's OpenAPI 3.1 description, built from the same constants as the API itself. */
export function committeeOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.1',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'AliZé: the committee API',
      version: '1.1.0',
      description:
        'The files of the AliZé application queue, for the CCI Alès-Cévennes committee: served by the bot ' +
        'when COMMITTEE_TOKEN is set (otherwise none of these routes exists). Errors are ' +
        '`{ "error": code, "message": sentence, …details }`, in French, or English with Accept-Language: en. ' +
        'See docs/committeeApi.md.',
    },
    security: [{ committeeToken: [] }],
    paths,
    components,
  };
}
