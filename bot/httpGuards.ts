import type { Request, Response, Server } from 'restify';
import { isJsonMediaType } from '../committee/committeeApiInput.js';
import { Localizer } from './i18n.js';
import type { Logger } from './logger.js';

/**
 * Headers every answer carries: no page of ours may be framed by another site (clickjacking), and no answer is
 * content-sniffed into something else. The web page sets its own, fuller Content-Security-Policy.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

/** Direct Line 3.0's upload route (the local Direct Line's; its conversation ids are base64url). */
const UPLOAD_PATH = /^\/v3\/directline\/conversations\/[A-Za-z0-9_-]{1,100}\/upload$/;

/** The committee's back office pages (committee/backOffice), whose forms are plain HTML forms. */
const BACK_OFFICE_PATH = /^\/committee\//;

/** True when the request carries a body (a length above zero, or chunks). */
function hasBody(req: Request): boolean {
  const length = req.header('content-length');
  if (length !== undefined && length.trim() !== '' && length.trim() !== '0') return true;
  return req.header('transfer-encoding') !== undefined;
}

/**
 * Runs before routing, rate limits and body parsing. Sets the security headers, and refuses with 415 any body
 * that is not JSON: every route of ours speaks JSON, and restify's multipart parser would otherwise write the
 * uploaded parts to the temp folder before any token is checked.
 */
export function registerHttpGuards(server: Server, logger: Logger): void {
  const localizer = new Localizer();
  server.pre((req: Request, res: Response, next: (stop?: false) => void) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.header(name, value);
    const mediaType = req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!hasBody(req) || isJsonMediaType(mediaType)) return next();
    // The one route that takes files: the local Direct Line's upload, which parses it itself, token first.
    if (mediaType === 'multipart/form-data' && UPLOAD_PATH.test(req.getPath())) return next();
    // The back office's HTML forms post url-encoded fields (read as text, size-limited, never to disk).
    if (
      mediaType === 'application/x-www-form-urlencoded' &&
      req.method === 'POST' &&
      BACK_OFFICE_PATH.test(req.getPath())
    )
      return next();
    const path = req.getPath();
    logger.warn({ event: 'http_error', status: 415, path }, 'body is not JSON');
    const language = localizer.language(req.header('accept-language')?.split(',')[0]?.split(';')[0]);
    const message = language.t('reliability:http.jsonOnly');
    const body = path.startsWith('/v3/directline/')
      ? { error: { code: 'UnsupportedMediaType', message } }
      : { error: 'unsupported_media_type', message };
    res.status(415);
    res.header('content-type', 'application/json; charset=utf-8');
    res.header('cache-control', 'no-store');
    res.header('connection', 'close');
    res.send(body);
    return next(false);
  });
}
