import type { Request, Response, Server } from 'restify';
import { applicantPdfName, asciiPdfName, type ApplicantPdf } from '../../committee/receipts/applicantPdf.js';
import type { ApplicationQueue, StoredApplication } from '../../storage/applicationQueue.js';
import type { DownloadToken, DownloadTokenStore } from '../../storage/downloadTokens.js';
import type { Localizer } from '../i18n.js';
import type { Logger } from '../logger.js';
import { SCRIPTLESS_PAGE_HEADERS } from '../webPage/legalRoutes.js';
import { legalFooter, pageLink } from '../webPage/legalFooter.js';
import { documentStart, escapeHtml } from '../webPage/pageHtml.js';

/** The route of an applicant's download links: `/files/<token>`. */
export const FILES_ROUTE = '/files';

export interface DownloadRouteParts {
  tokens: DownloadTokenStore;
  queue: ApplicationQueue;
  pdf: ApplicantPdf;
  localizer: Localizer;
  logger: Logger;
  clock: () => Date;
}

/** The file a valid token still opens: the same owner's, not anonymised since. */
export async function fileOfToken(
  queue: ApplicationQueue,
  token: DownloadToken,
): Promise<StoredApplication | undefined> {
  const application = await queue.get(token.reference);
  const owned =
    application &&
    application.channel === token.channelId &&
    application.userId === token.userId &&
    !application.retention?.anonymisedAt;
  return owned ? application : undefined;
}

/**
 * `GET /files/:token`: the PDF of the file the token was given for, as an attachment, never cached. An unknown
 * token (or a file no longer its owner's) is a French page with 404, an expired one with 410.
 */
export function registerDownloadRoute(server: Server, parts: DownloadRouteParts): void {
  server.get(`${FILES_ROUTE}/:token`, async (req: Request, res: Response) => {
    const raw: unknown = req.params?.token;
    const lookup = await parts.tokens.lookup(typeof raw === 'string' ? raw : '', parts.clock());
    const application = lookup.state === 'valid' ? await fileOfToken(parts.queue, lookup.token) : undefined;
    if (lookup.state !== 'valid' || !application) {
      const status = lookup.state === 'expired' ? 410 : 404;
      parts.logger.info({ event: 'download_refused', status }, 'download link refused');
      res.writeHead(status, SCRIPTLESS_PAGE_HEADERS);
      res.end(refusalPage(parts.localizer, lookup.state === 'expired' ? 'expired' : 'unknown'));
      return;
    }
    const bytes = await parts.pdf(application, lookup.token.locale === 'en' ? 'en' : 'fr');
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'content-disposition': `attachment; filename="${asciiPdfName(application.reference)}"; filename*=UTF-8''${encodeURIComponent(applicantPdfName(application.reference))}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(bytes);
    parts.logger.info(
      { event: 'file_downloaded', reference: application.reference },
      'applicant PDF downloaded',
    );
  });
}

function refusalPage(localizer: Localizer, reason: 'unknown' | 'expired'): string {
  const language = localizer.language('fr');
  const t = (key: string) => escapeHtml(language.t(key));
  return `${documentStart('fr', language.t('receipts:page.title'))}
</head>
<body class="document">
<main class="content legal">
<h1>${t('receipts:page.title')}</h1>
<p>${t(`receipts:page.${reason}`)}</p>
<p><a class="button" href="${escapeHtml(pageLink('/', language))}">${t('receipts:page.back')}</a></p>
</main>
${legalFooter(language)}
</body>
</html>`;
}
