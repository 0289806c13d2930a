import type { Request } from 'restify';
import type { Localizer } from './i18n.js';

/** The web server's own refusals (restify's error codes), each with its sentence and our API's error code. */
const REFUSALS: Record<string, { error: string; key: string }> = {
  InvalidContent: { error: 'invalid_json', key: 'reliability:http.invalidJson' },
  PayloadTooLarge: { error: 'body_too_large', key: 'reliability:http.bodyTooLarge' },
  RequestEntityTooLarge: { error: 'body_too_large', key: 'reliability:http.bodyTooLarge' },
  ResourceNotFound: { error: 'not_found', key: 'reliability:http.notFound' },
  MethodNotAllowed: { error: 'method_not_allowed', key: 'reliability:http.methodNotAllowed' },
};
const BAD_REQUEST = { error: 'bad_request', key: 'reliability:http.badRequest' };

export interface RestifyRefusal {
  statusCode?: number;
  body?: { code?: unknown };
  toJSON?: () => unknown;
}

/**
 * A refusal restify makes before any route runs (JSON that does not parse, a body over the limit, an unknown
 * route or method) answers like our own routes: restify's `code` is kept, with our `error` code and a sentence in
 * the caller's language (French unless Accept-Language asks for English). Server errors are left as they are.
 */
export function localizeRefusal(req: Request, err: RestifyRefusal, localizer: Localizer): void {
  const status = err.statusCode ?? 500;
  if (status < 400 || status >= 500) return;
  const code = typeof err.body?.code === 'string' ? err.body.code : 'BadRequest';
  const refusal = REFUSALS[code] ?? BAD_REQUEST;
  const language = localizer.language(req.header('accept-language')?.split(',')[0]?.split(';')[0]);
  const body = { code, error: refusal.error, message: language.t(refusal.key) };
  err.toJSON = () => body;
}
