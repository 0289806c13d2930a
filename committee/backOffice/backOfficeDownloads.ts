import type { Request, Response, Server } from 'restify';
import { isDocumentId } from '../../storage/documentStore.js';
import { attachmentDisposition } from '../committeeApiDocuments.js';
import type { CommitteeText } from '../committeeLabels.js';
import { BACK_OFFICE_ROOT, queryOf, referenceParam, sendPage } from './backOfficeHttp.js';
import type { BackOfficeParts } from './backOfficeParts.js';
import type { BackOfficeUser } from './backOfficeSessions.js';
import { problemPage } from './backOfficeSignin.js';

/** What a back-office page handler is given once the user is known (signed in, with a role, CSRF checked). */
export interface Context {
  req: Request;
  res: Response;
  text: CommitteeText;
  user: BackOfficeUser;
}

export type SignedInRoute = (
  route: string,
  handler: (context: Context) => Promise<void>,
) => (req: Request, res: Response) => Promise<void>;

export type PageOf = (
  text: CommitteeText,
  user: BackOfficeUser,
  title: string,
  main: string,
  other: { path: string; params?: URLSearchParams },
  stylesheets?: readonly string[],
) => string;

/**
 * What the back office serves besides its pages: a file's documents (always as attachments), and, when the app
 * gives their hooks, the PDFs (committee/pdf/) and the statistics page (committee/statistics/).
 */
export function registerBackOfficeDownloads(
  server: Server,
  parts: BackOfficeParts,
  signedIn: SignedInRoute,
  page: PageOf,
): void {
  const fileRoute = `${BACK_OFFICE_ROOT}/files/:reference`;
  const documents = parts.documents;
  if (documents) {
    server.get(
      `${fileRoute}/documents/:id`,
      signedIn('document', async ({ req, res, text }) => {
        const reference = referenceParam(req);
        const id = String((req.params as Record<string, unknown>).id ?? '');
        const found =
          reference && isDocumentId(id) && (await parts.queue.get(reference))
            ? await documents.read(reference, id)
            : undefined;
        if (!found) {
          sendPage(res, 404, problemPage(parts, text, 'unknownDocument'));
          return;
        }
        sendFile(res, found.document.type, found.document.name, found.bytes);
      }),
    );
  }

  const pdf = parts.pdf;
  if (pdf) {
    server.get(
      `${fileRoute}/pdf`,
      signedIn('pdf', async ({ req, res, text }) => {
        const reference = referenceParam(req);
        const made = reference ? await pdf.file(reference) : undefined;
        if (!made) {
          sendPage(res, 404, problemPage(parts, text, 'unknownFile'));
          return;
        }
        sendFile(res, 'application/pdf', made.name, made.bytes);
      }),
    );
    server.get(
      `${BACK_OFFICE_ROOT}/dossier.pdf`,
      signedIn('dossier', async ({ req, res, text }) => {
        const date = queryOf(req).get('date') ?? '';
        if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
          sendPage(res, 400, problemPage(parts, text, 'badQuery', { parameter: 'date' }));
          return;
        }
        const made = await pdf.dossier(date === '' ? undefined : date);
        sendFile(res, 'application/pdf', made.name, made.bytes);
      }),
    );
  }

  const statistics = parts.statistics;
  if (statistics) {
    server.get(
      `${BACK_OFFICE_ROOT}/statistics`,
      signedIn('statistics', async ({ res, text, user }) => {
        // The fragment comes escaped from committee/statistics: it is placed as it is.
        const main = `<div class="bo-statistics">${await statistics(text)}</div>`;
        sendPage(
          res,
          200,
          page(
            text,
            user,
            text.t('backOffice:statistics.title'),
            main,
            {
              path: `${BACK_OFFICE_ROOT}/statistics`,
            },
            ['statistics.css'],
          ),
        );
      }),
    );
  }
}

function sendFile(res: Response, type: string, name: string, bytes: Buffer): void {
  res.writeHead(200, {
    'content-type': type,
    'content-disposition': attachmentDisposition(name),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': String(bytes.length),
  });
  res.end(bytes);
}
