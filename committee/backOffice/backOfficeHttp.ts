import type { Request, Response } from 'restify';
import type { Localizer } from '../../bot/i18n.js';
import type { CommitteeText } from '../committeeLabels.js';

/**
 * Every back-office page: scripts, styles, images and form posts from this server only, no inline script or
 * style, never framed, never cached, no referrer (a file's URL names its reference).
 */
export const BACK_OFFICE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export const BACK_OFFICE_ROOT = '/committee';

/** The query of a request (never the Host header: only the path and query are read). */
export function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://local').searchParams;
}

/** The page's language: French unless `?lang=en` (in the query, or the form's hidden field). */
export function languageOf(req: Request, localizer: Localizer, form?: URLSearchParams): CommitteeText {
  const lang = form?.get('lang') ?? queryOf(req).get('lang') ?? 'fr';
  const language = localizer.language(lang === 'en' ? 'en' : 'fr');
  return { ...language, hasKey: (key) => localizer.hasKey(language.locale, key) };
}

/** A link to a back-office path in the language shown (French needs no parameter). */
export function link(
  path: string,
  text: CommitteeText,
  params: URLSearchParams = new URLSearchParams(),
): string {
  const all = new URLSearchParams(params);
  if (text.locale !== 'fr') all.set('lang', text.locale);
  const query = all.toString();
  return query ? `${path}?${query}` : path;
}

/** The fields of a url-encoded form body (restify leaves a non-JSON body as text); undefined if there is none. */
export function formOf(req: Request): URLSearchParams | undefined {
  const type = req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  const body: unknown = req.body;
  if (typeof body === 'string') return new URLSearchParams(body);
  if (Buffer.isBuffer(body)) return new URLSearchParams(body.toString('utf8'));
  return body === undefined ? new URLSearchParams() : undefined;
}

export function sendPage(
  res: Response,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...BACK_OFFICE_HEADERS, ...headers });
  res.end(html);
}

/** 303 See Other: after a form post, the browser GETs the page again (a reload does not post twice). */
export function redirect(
  res: Response,
  location: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}

/** The `:reference` of the route, upper case (`alz-2026-0007` typed in a hurry still finds the file). */
export function referenceParam(req: Request): string {
  const params = req.params as Record<string, unknown> | undefined;
  const raw = typeof params?.reference === 'string' ? params.reference.trim().toUpperCase() : '';
  return /^ALZ-\d{4}-\d{4,6}$/.test(raw) ? raw : '';
}
