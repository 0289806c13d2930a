import type { Request, Response, Server } from 'restify';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import type { Localizer } from '../i18n.js';
import { LEGAL_ROUTES, type LegalPage } from './legalFooter.js';
import { renderLegalPage, type LegalPageFeatures } from './legalPages.js';

/** The headers of a server page without any script: the chat page's, with a policy that allows styles only. */
export const SCRIPTLESS_PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** `GET /accessibilite`, `/mentions-legales`, `/confidentialite`: French, or English with `?lang=en`. */
export function registerLegalRoutes(
  server: Server,
  localizer: Localizer,
  settings: ProgrammeSettings,
  features: LegalPageFeatures = {},
): void {
  for (const page of Object.keys(LEGAL_ROUTES) as LegalPage[]) {
    server.get(LEGAL_ROUTES[page], async (req: Request, res: Response) => {
      const lang = new URL(req.url ?? '/', 'http://local').searchParams.get('lang') ?? 'fr';
      res.writeHead(200, SCRIPTLESS_PAGE_HEADERS);
      res.end(renderLegalPage(page, localizer.language(lang), settings, features));
    });
  }
}
