import type { Request, Response, Server } from 'restify';
import { cookieOf } from '../../bot/webSignin/cookies.js';
import { escapeHtml as e } from '../../bot/webPage/htmlEscape.js';
import { secureCompare } from '../../bot/secureCompare.js';
import type { CommitteeText } from '../committeeLabels.js';
import { BACK_OFFICE_ROOT, formOf, languageOf, link, redirect, sendPage } from './backOfficeHttp.js';
import { layout } from './backOfficeLayout.js';
import type { BackOfficeParts } from './backOfficeParts.js';
import {
  BACK_OFFICE_COOKIE,
  backOfficeCookie,
  BackOfficeSessions,
  LOGIN_COOKIE,
  newLoginNonce,
  sameText,
} from './backOfficeSessions.js';

const SIGNIN_PATH = `${BACK_OFFICE_ROOT}/signin`;

/** The sign-in page: Microsoft Entra ID when configured, the COMMITTEE_TOKEN form when set (never in a URL). */
function signinPage(
  parts: BackOfficeParts,
  sessions: BackOfficeSessions,
  text: CommitteeText,
  nonce: string,
  problem?: string,
): string {
  const t = (key: string) => e(text.t(`backOffice:signin.${key}`));
  const entra = sessions.entraOn
    ? `<p><a class="button" id="signin-entra" href="/auth/signin?returnTo=${encodeURIComponent(BACK_OFFICE_ROOT)}">${t('entra')}</a></p>`
    : '';
  const token = parts.committeeToken
    ? `<form method="post" action="${SIGNIN_PATH}" class="bo-form bo-signin">
<input type="hidden" name="login" value="${e(nonce)}">${text.locale === 'fr' ? '' : `<input type="hidden" name="lang" value="${e(text.locale)}">`}
<label for="signin-token">${t('token')}</label>
<input id="signin-token" name="token" type="password" autocomplete="current-password" required maxlength="512"${problem ? ' aria-invalid="true" aria-describedby="signin-problem"' : ''}>
<button type="submit" class="button">${t('submit')}</button></form>`
    : '';
  const alert = problem
    ? `<p id="signin-problem" class="bo-notice bo-notice--problem" role="alert">${e(text.t(`backOffice:signin.${problem}`))}</p>`
    : '';
  return layout({
    text,
    title: text.t('backOffice:signin.title'),
    main: `${alert}<p>${t('intro')}</p>\n${entra}\n${token}`,
    otherLanguage: { path: SIGNIN_PATH },
    ...(parts.settings.legal ? { conformity: parts.settings.legal.accessibility.conformity } : {}),
  });
}

function showSignin(
  parts: BackOfficeParts,
  sessions: BackOfficeSessions,
  req: Request,
  res: Response,
  status = 200,
  problem?: string,
): void {
  const text = languageOf(req, parts.localizer, formOf(req));
  const nonce = newLoginNonce();
  sendPage(res, status, signinPage(parts, sessions, text, nonce, problem), {
    'set-cookie': backOfficeCookie(LOGIN_COOKIE, nonce, 600),
  });
}

/** `GET|POST /committee/signin`, `POST /committee/signout`. */
export function registerBackOfficeSignin(
  server: Server,
  parts: BackOfficeParts,
  sessions: BackOfficeSessions,
): void {
  server.get(SIGNIN_PATH, async (req: Request, res: Response) => {
    const user = sessions.userOf(req);
    if (user && !('noRole' in user))
      return redirect(res, link(BACK_OFFICE_ROOT, languageOf(req, parts.localizer)));
    showSignin(parts, sessions, req, res, user ? 403 : 200, user ? 'noRole' : undefined);
  });

  server.post(SIGNIN_PATH, async (req: Request, res: Response) => {
    const form = formOf(req);
    const text = languageOf(req, parts.localizer, form);
    // The form's nonce must be the one this browser was given with the page: a form posted from another site is not.
    const nonce = cookieOf(req, LOGIN_COOKIE);
    if (!form || !nonce || !sameText(nonce, form.get('login') ?? '')) {
      parts.logger.warn(
        { event: 'back_office_signin_refused', reason: 'csrf' },
        'back office sign-in refused',
      );
      return showSignin(parts, sessions, req, res, 403, 'expired');
    }
    const token = form.get('token') ?? '';
    if (!parts.committeeToken || !secureCompare(token, parts.committeeToken)) {
      parts.logger.warn(
        { event: 'back_office_signin_refused', reason: 'token' },
        'back office sign-in refused',
      );
      return showSignin(parts, sessions, req, res, 401, 'wrongToken');
    }
    const sessionId = sessions.openTokenSession(text.t('backOffice:user.tokenName'));
    parts.logger.info({ event: 'back_office_signed_in', via: 'token' }, 'back office sign-in');
    redirect(res, link(BACK_OFFICE_ROOT, text), {
      'set-cookie': [
        backOfficeCookie(BACK_OFFICE_COOKIE, sessionId, sessions.sessionSeconds),
        backOfficeCookie(LOGIN_COOKIE, '', 0),
      ],
    });
  });

  server.post(`${BACK_OFFICE_ROOT}/signout`, async (req: Request, res: Response) => {
    const form = formOf(req);
    const text = languageOf(req, parts.localizer, form);
    const user = sessions.userOf(req);
    if (user && !('noRole' in user)) {
      if (!BackOfficeSessions.csrfMatches(user, form?.get('csrf'))) {
        return sendPage(res, 403, problemPage(parts, text, 'csrf'));
      }
      sessions.end(user);
    }
    redirect(res, link(SIGNIN_PATH, text), { 'set-cookie': backOfficeCookie(BACK_OFFICE_COOKIE, '', 0) });
  });
}

/** A page that says what went wrong (403, 404, 400…), with the way back to the list. */
export function problemPage(
  parts: BackOfficeParts,
  text: CommitteeText,
  key: string,
  values: Record<string, unknown> = {},
): string {
  return layout({
    text,
    title: text.t('backOffice:problemPage.title'),
    main: `<p role="alert">${e(text.t(`backOffice:problemPage.${key}`, values))}</p>
<p><a href="${e(link(BACK_OFFICE_ROOT, text))}">${e(text.t('backOffice:file.back'))}</a></p>`,
    ...(parts.settings.legal ? { conformity: parts.settings.legal.accessibility.conformity } : {}),
  });
}
