import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import type { AccessibilityConformity } from '../../dialogs/domain/programmeSettings.js';
import { Localizer } from '../i18n.js';
import type { Logger } from '../logger.js';
import type { WebSignin } from '../webSignin/webSignin.js';
import { documentStart, escapeHtml, renderPage } from './pageHtml.js';
import { StaticAsset } from './staticAsset.js';
import { WEB_CHAT_DIR, readWebChatBundle } from './webChatBundle.js';

/** bot/webPage/assets in the source tree, three levels above the compiled file (dist/bot/webPage/). */
const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bot/webPage/assets');

export interface WebPageParts {
  logger: Logger;
  /** Extra Direct Line origins the page may connect to (Azure's, when DIRECT_LINE_SECRET is set). */
  connectSources?: string[];
  /** When set, the page offers the advisors' sign-in and shows who is signed in. */
  signin?: WebSignin;
  /** Where the Web Chat bundle was copied by the build (default dist/public/webchat). */
  webChatDir?: string;
  /** The accessibility mention of the page's footer. */
  conformity?: AccessibilityConformity;
}

const EMPTY_STYLE_HASH = `sha256-${createHash('sha256').update('').digest('base64')}`;

export function contentSecurityPolicy(styleNonce: string, connectSources: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Web Chat writes its CSS in <style> elements: allowed only with this response's nonce, or when created
    // empty and filled through the CSSOM (react-scroll-to-bottom gets no nonce); the hash is that of "".
    `style-src 'self' 'nonce-${styleNonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    // blob: is the file the visitor picked: Direct Line JS reads it back from its blob: URL before uploading.
    `connect-src ${["'self'", 'blob:', ...connectSources].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    // Never inside another site's frame (clickjacking); X-Frame-Options says the same to older browsers.
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `GET /`: the French chat page; `/webchat/*`: Web Chat and the page's own script and style, from this server. */
export function registerWebPageRoutes(server: Server, parts: WebPageParts): void {
  const localizer = new Localizer();
  const webChatDir = parts.webChatDir ?? WEB_CHAT_DIR;
  const bundle = readWebChatBundle(webChatDir);
  if (!bundle)
    parts.logger.error(
      { event: 'webchat_missing', dir: webChatDir },
      'the Web Chat bundle is missing (run "npm run build", which copies it from botframework-webchat): GET / answers 503 until then',
    );
  const webChat = new StaticAsset(
    bundle?.file ?? '',
    'text/javascript; charset=utf-8',
    'public, max-age=604800, immutable',
  );
  const pageScript = new StaticAsset(
    path.join(ASSETS_DIR, 'page.js'),
    'text/javascript; charset=utf-8',
    'no-cache',
  );
  const pageStyle = new StaticAsset(path.join(ASSETS_DIR, 'page.css'), 'text/css; charset=utf-8', 'no-cache');

  server.get('/', async (req: Request, res: Response) => {
    const lang = new URL(req.url ?? '/', 'http://local').searchParams.get('lang') ?? 'fr';
    if (!bundle) {
      // Without Web Chat the page cannot chat: say so in the visitor's language rather than show a dead page.
      const language = localizer.language(lang);
      res.writeHead(503, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'retry-after': '300',
        'content-security-policy':
          "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
      });
      res.end(
        `${documentStart(language.locale, language.t('web:title'))}\n</head>\n<body>\n<main class="content">\n<h1>${escapeHtml(language.t('web:heading'))}</h1>\n<p class="status" role="status">${escapeHtml(language.t('web:unavailable'))}</p>\n</main>\n</body>\n</html>\n`,
      );
      return;
    }
    const styleNonce = randomBytes(16).toString('base64');
    const html = renderPage({
      language: localizer.language(lang),
      styleNonce,
      webChatVersion: bundle.version,
      ...(parts.conformity ? { conformity: parts.conformity } : {}),
      advisor: parts.signin
        ? {
            signedIn: parts.signin.sessionOf(req) !== undefined,
            name: parts.signin.sessionOf(req)?.displayName ?? '',
          }
        : undefined,
    });
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': contentSecurityPolicy(styleNonce, parts.connectSources),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    });
    res.end(html);
  });
  server.get('/webchat/webchat.js', async (req: Request, res: Response) => webChat.send(req, res));
  server.get('/webchat/page.js', async (req: Request, res: Response) => pageScript.send(req, res));
  server.get('/webchat/page.css', async (req: Request, res: Response) => pageStyle.send(req, res));
}
