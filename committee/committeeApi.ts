import type { Request, Response, Server } from 'restify';
import type { TurnLanguage } from '../dialogs/translator.js';
import {
  applicationToRecord,
  IllegalTransitionError,
  isApplicationStatus,
  isStoreBusyError,
  StaleVersionError,
  STATUS_TRANSITIONS,
  UnknownReferenceError,
  type ApplicationQueue,
  type ListReport,
  type StatusChange,
  type StoredApplication,
} from '../storage/index.js';
import type { DocumentStore } from '../storage/documentStore.js';
import {
  attachmentDisposition,
  documentBytes,
  documentRecord,
  listDocuments,
} from './committeeApiDocuments.js';
import { etagOf, parseIfMatch } from './committeeApiEtag.js';
import { nextLink, pageOf, parsePageRequest } from './committeeApiPaging.js';
import { committeeOpenApi, OPENAPI_PATH } from './committeeOpenApi.js';
import {
  isJsonMediaType,
  LIST_PARAMETERS,
  parseListQuery,
  parseStatusChangeBody,
  unknownStatusProblem,
  type ApiProblem,
} from './committeeApiInput.js';
import { bearerToken, sendJson } from '../bot/directLine/http.js';
import { Localizer } from '../bot/i18n.js';
import type { Logger } from '../bot/logger.js';
import { secureCompare } from '../bot/secureCompare.js';
import { createStatusService, type StatusService } from './statusService.js';
import { committeeCsv } from './committeeCsv.js';
import { withLabels, type CommitteeText } from './committeeLabels.js';
import { DOSSIER_PATH, FILE_PDF_PATH, pdfRoutes } from './pdf/pdfApi.js';
import type { ProgrammeSettings } from '../dialogs/domain/programmeSettings.js';

export type StatusChangedListener = (
  application: StoredApplication,
  change: StatusChange,
) => Promise<void> | void;

export interface CommitteeApiOptions {
  queue: ApplicationQueue;
  /** COMMITTEE_TOKEN. Without it no route is registered: the API answers 404 like any path that does not exist. */
  token?: string;
  logger: Logger;
  /** Called after each successful PATCH (to tell the applicant); its failure is logged and the change stands. */
  onStatusChanged?: StatusChangedListener;
  /** Where a PATCH changes the status; by default one over `queue` that tells `onStatusChanged`. */
  statusService?: StatusService;
  /** The time recorded in the history; tests set it. */
  clock?: () => Date;
  /** The files' supporting documents (listed in `show`, served by `…/documents/:id`). */
  documents?: DocumentStore;
  /** For the `message` of error answers (Accept-Language: en gets English, anything else French). */
  localizer?: Localizer;
  /** The programme settings (committee dates, required pieces): with them, the PDF routes are on. */
  settings?: ProgrammeSettings;
}

/** What a route answers; the wrapper turns it into HTTP so that every answer is sent and logged one way. */
type ApiReply = { status: number; headers?: Record<string, string> } & (
  | { json: unknown }
  | { csv: string }
  | { problem: ApiProblem }
  | { file: { bytes: Buffer; type: string; name: string } }
);

const CHALLENGE = 'Bearer realm="alize-committee"';
const CSV_FILE_NAME = 'alize-dossiers.csv';

const problem = (status: number, details: ApiProblem, headers?: Record<string, string>): ApiReply => ({
  status,
  problem: details,
  ...(headers ? { headers } : {}),
});

/** References are written upper case; `alz-2026-0007` typed in a hurry still finds the file, as in the CLI. */
function referenceOf(req: Request): string {
  const params = req.params as Record<string, unknown> | undefined;
  return typeof params?.reference === 'string' ? params.reference.trim().toUpperCase() : '';
}

/**
 * The committee's HTTP API: `GET /api/applications[?status=&limit=&cursor=]`,
 * `GET /api/applications.csv[?status=&headers=keys]` (French headers and labels; `headers=keys` for tools),
 * `GET /api/applications/:reference` (with an ETag), `PATCH /api/applications/:reference` with
 * `{ status, comment?, by? }` and an optional `If-Match`. The JSON is that of `npm run committee -- list --json` /
 * `show --json`. Returns whether the API is on.
 */
export function registerCommitteeApi(server: Server, options: CommitteeApiOptions): boolean {
  const { queue, logger, documents } = options;
  const expectedToken = options.token?.trim();
  if (!expectedToken) {
    logger.info({ event: 'committee_api_off' }, 'committee API off (no COMMITTEE_TOKEN)');
    return false;
  }
  const clock = options.clock ?? (() => new Date());
  const localizer = options.localizer ?? new Localizer();
  // Labels next to the codes, and the CSV's words, in the language of Accept-Language (French by default).
  const textOf = (req: Request): CommitteeText => {
    const language = localizer.language(firstLanguage(req.header('accept-language')));
    return { ...language, hasKey: (key) => localizer.hasKey(language.locale, key) };
  };
  const record = (req: Request, app: StoredApplication) => withLabels(applicationToRecord(app), textOf(req));
  /** One file (GET and PATCH of /api/applications/:reference, like `committee show --json`): its documents too. */
  const oneFile = async (req: Request, app: StoredApplication) => {
    const shown = record(req, app);
    if (!documents) return shown;
    return { ...shown, documents: (await documents.list(app.reference)).map(documentRecord) };
  };

  const unauthorized = (req: Request): ApiReply | undefined => {
    const given = bearerToken(req);
    if (given !== null && secureCompare(given, expectedToken)) return undefined;
    const challenge = given === null ? CHALLENGE : `${CHALLENGE}, error="invalid_token"`;
    return problem(
      401,
      { error: 'unauthorized', messageKey: 'committeeApi:error.unauthorized' },
      { 'www-authenticate': challenge },
    );
  };

  const handle =
    (route: string, answer: (req: Request) => Promise<ApiReply>) =>
    async (req: Request, res: Response): Promise<void> => {
      const started = performance.now();
      let reply: ApiReply;
      try {
        reply = unauthorized(req) ?? (await answer(req));
      } catch (error) {
        reply = failureReply(error, logger, route);
      }
      send(res, reply, localizer.language(firstLanguage(req.header('accept-language'))));
      logger.info(
        {
          event: 'committee_api',
          method: req.method,
          route,
          status: reply.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'committee api',
      );
    };

  const statusService =
    options.statusService ??
    createStatusService({
      queue,
      clock,
      deliver: (application, change) => options.onStatusChanged?.(application, change),
      onDeliveryError: (error, reference) =>
        logger.error(
          { err: error, event: 'status_listener_failed', reference },
          'status change listener failed',
        ),
    });

  // Registered before /:reference; "applications.csv" is its own path segment, never a reference.
  server.get(
    '/api/applications.csv',
    handle('export', async (req) => {
      const query = parseListQuery(req.getQuery());
      if (!query.ok) return problem(400, query.problem);
      const report: ListReport = { skipped: [] };
      const filter = query.value.status === undefined ? {} : { status: query.value.status };
      const keys = query.value.params.get('headers') === 'keys';
      const csv = committeeCsv(await queue.list(filter, report), textOf(req), { keys });
      return { status: 200, csv, headers: skippedHeaders(report) };
    }),
  );

  server.get(
    '/api/applications',
    handle('list', async (req) => {
      const query = parseListQuery(req.getQuery(), LIST_PARAMETERS);
      if (!query.ok) return problem(400, query.problem);
      const pageRequest = parsePageRequest(query.value.params);
      if (!pageRequest.ok) return problem(400, pageRequest.problem);
      const report: ListReport = { skipped: [] };
      const filter = query.value.status === undefined ? {} : { status: query.value.status };
      const page = pageOf(await queue.list(filter, report), report.skipped, pageRequest.value);
      const headers = skippedHeaders({ skipped: page.skipped });
      if (page.nextCursor !== undefined) {
        headers.link = nextLink(req.getPath(), query.value.params, pageRequest.value.limit, page.nextCursor);
      }
      return { status: 200, json: page.items.map((app) => record(req, app)), headers };
    }),
  );

  server.get(
    '/api/applications/:reference',
    handle('show', async (req) => {
      const application = await queue.get(referenceOf(req));
      if (!application) throw new UnknownReferenceError(referenceOf(req));
      return { status: 200, json: await oneFile(req, application), headers: { etag: etagOf(application) } };
    }),
  );

  if (options.settings) {
    const pdf = pdfRoutes({
      queue,
      localizer,
      settings: options.settings,
      clock,
      ...(documents ? { documents } : {}),
    });
    server.get(
      FILE_PDF_PATH,
      handle('pdf', (req) => pdf.file(referenceOf(req), textOf(req).locale)),
    );
    server.get(
      DOSSIER_PATH,
      handle('dossier', (req) => pdf.dossier(req.getQuery(), textOf(req).locale)),
    );
  }

  if (documents) {
    server.get(
      '/api/applications/:reference/documents',
      handle('documents', async (req) => {
        const listed = await listDocuments(queue, documents, referenceOf(req));
        return { status: 200, json: listed.map(documentRecord) };
      }),
    );
    server.get(
      '/api/applications/:reference/documents/:id',
      handle('document', async (req) => {
        const reply = await documentBytes(queue, documents, referenceOf(req), req);
        if ('file' in reply) return reply;
        if ('json' in reply) return reply;
        return problem(404, {
          error: 'unknown_document',
          messageKey: 'committeeApi:error.unknownDocument',
          values: { id: reply.documentId },
          details: { id: reply.documentId },
        });
      }),
    );
  }

  server.patch(
    '/api/applications/:reference',
    handle('change_status', async (req) => {
      if (!isJsonMediaType(req.contentType())) {
        return problem(415, {
          error: 'unsupported_media_type',
          messageKey: 'committeeApi:error.unsupportedMediaType',
        });
      }
      const body = parseStatusChangeBody(req.body);
      if (!body.ok) return problem(400, body.problem);
      // Not req.header(): it reads an empty If-Match as absent, and an empty one is malformed.
      const ifMatch = parseIfMatch(req.headers['if-match']);
      if (!ifMatch.ok) return problem(400, ifMatch.problem);
      const reference = referenceOf(req);
      const current = await queue.get(reference);
      if (!current) throw new UnknownReferenceError(reference);
      const { status, comment, by } = body.value;
      if (!isApplicationStatus(status)) {
        return problem(400, unknownStatusProblem(status, STATUS_TRANSITIONS[current.status]));
      }
      // The service checks the transition (and the queue If-Match again under its lock: another process may
      // have moved the file since), writes the history and tells the applicant.
      const updated = await statusService.change({
        reference: current.reference,
        to: status,
        by,
        ...(comment ? { comment } : {}),
        ...(ifMatch.value ? { expectedVersions: ifMatch.value } : {}),
      });
      return { status: 200, json: await oneFile(req, updated), headers: { etag: etagOf(updated) } };
    }),
  );

  // Public: a description without data, as a client generator fetches it; served only when the API is on.
  const openApi = committeeOpenApi();
  server.get(OPENAPI_PATH, async (_req: Request, res: Response) => {
    res.status(200);
    res.header('content-type', 'application/json; charset=utf-8');
    res.header('cache-control', 'public, max-age=300');
    res.send(openApi);
  });

  logger.info({ event: 'committee_api_on' }, 'committee API on');
  return true;
}

/**
 * The list stays a JSON array (the shape of `list --json`): files left out because unreadable are named in
 * `X-Skipped-Files` (references, comma-separated), with their count in `X-Skipped-Count`; on a page, those of
 * its span of references, so that paging through names each once. The next page is in `Link`.
 */
function skippedHeaders(report: ListReport): Record<string, string> {
  if (report.skipped.length === 0) return {};
  return {
    'x-skipped-count': String(report.skipped.length),
    'x-skipped-files': report.skipped.join(', '),
  };
}

/** The domain's refusals become 4xx; anything else is logged and answered 500 without details. */
function failureReply(error: unknown, logger: Logger, route: string): ApiReply {
  if (error instanceof UnknownReferenceError) {
    return problem(404, {
      error: 'unknown_reference',
      messageKey: 'committee:error.unknownReference',
      values: { reference: error.reference },
      details: { reference: error.reference },
    });
  }
  if (error instanceof IllegalTransitionError) {
    const allowed = STATUS_TRANSITIONS[error.from];
    return problem(400, {
      error: 'illegal_transition',
      messageKey: 'committee:error.illegalTransition',
      values: { reference: error.reference, from: error.from, to: error.to, allowed: allowed.join(', ') },
      details: { reference: error.reference, from: error.from, to: error.to, allowed },
    });
  }
  if (error instanceof StaleVersionError) {
    return problem(412, {
      error: 'precondition_failed',
      messageKey: 'committeeApi:error.preconditionFailed',
      values: { reference: error.reference },
      details: { reference: error.reference },
    });
  }
  if (isStoreBusyError(error)) {
    return problem(503, { error: 'busy', messageKey: 'committee:error.locked' }, { 'retry-after': '2' });
  }
  logger.error({ err: error, event: 'committee_api_failed', route }, 'committee API request failed');
  return problem(500, { error: 'internal_error', messageKey: 'committeeApi:error.internal' });
}

function send(res: Response, reply: ApiReply, text: TurnLanguage): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.header(name, value);
  if ('file' in reply) {
    // Never shown inline: the committee's browser saves it, whatever the bytes would look like to it.
    res.header('content-type', reply.file.type);
    res.header('content-disposition', attachmentDisposition(reply.file.name));
    res.header('cache-control', 'no-store');
    res.sendRaw(reply.status, reply.file.bytes);
  } else if ('csv' in reply) {
    res.header('content-type', 'text/csv; charset=utf-8');
    res.header('content-disposition', `attachment; filename="${CSV_FILE_NAME}"`);
    res.header('cache-control', 'no-store');
    res.sendRaw(reply.status, reply.csv);
  } else if ('problem' in reply) {
    const { error, messageKey, values = {}, details = {} } = reply.problem;
    // An empty list of next statuses reads as "none, it is a final status".
    const shown = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        key,
        value === '' && (key === 'allowed' || key === 'statuses')
          ? text.t('committee:error.finalStatus')
          : value,
      ]),
    );
    const message = text.t('committee:error.prefix', { message: text.t(messageKey, shown) });
    sendJson(res, reply.status, { error, message, ...details });
  } else {
    sendJson(res, reply.status, reply.json);
  }
}

/** `en-GB,en;q=0.9,fr;q=0.8` → `en-GB`: the first choice is enough for two languages. */
function firstLanguage(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.split(';')[0]?.trim();
}
