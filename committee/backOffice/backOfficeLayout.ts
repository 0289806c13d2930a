import type { AccessibilityConformity } from '../../dialogs/domain/programmeSettings.js';
import { escapeHtml as e } from '../../bot/webPage/htmlEscape.js';
import { legalFooter } from '../../bot/webPage/legalFooter.js';
import { documentStart } from '../../bot/webPage/pageHtml.js';
import type { CommitteeText } from '../committeeLabels.js';
import { BACK_OFFICE_ROOT, link } from './backOfficeHttp.js';
import type { BackOfficeUser } from './backOfficeSessions.js';

export interface LayoutOptions {
  text: CommitteeText;
  /** The <title> and the page's <h1>. */
  title: string;
  user?: BackOfficeUser;
  /** Already-escaped HTML of the page's <main>, after its heading. */
  main: string;
  /** With the statistics hook given: the « Statistiques » entry in the navigation. */
  statistics?: boolean;
  /** Style sheets of this page besides the back office's own (file names under /committee/assets). */
  stylesheets?: readonly string[];
  conformity?: AccessibilityConformity;
  /** The same page in the other language (its path and query without `lang`). */
  otherLanguage?: { path: string; params?: URLSearchParams };
}

/** A form's hidden fields: the session's CSRF token and the language, on every POST. */
export function hiddenFields(user: BackOfficeUser, text: CommitteeText): string {
  const lang = text.locale === 'fr' ? '' : `<input type="hidden" name="lang" value="${e(text.locale)}">`;
  return `<input type="hidden" name="csrf" value="${e(user.csrf)}">${lang}`;
}

/** The back office's pages: a banner with the navigation and who is signed in, the page, the legal footer. */
export function layout(options: LayoutOptions): string {
  const { text, user } = options;
  const t = (key: string, params?: Record<string, unknown>) => e(text.t(`backOffice:${key}`, params));
  const other = text.locale === 'fr' ? 'en' : 'fr';
  const otherParams = new URLSearchParams(options.otherLanguage?.params);
  otherParams.delete('lang');
  if (other === 'en') otherParams.set('lang', 'en');
  const otherQuery = otherParams.toString();
  const otherHref = options.otherLanguage
    ? `${options.otherLanguage.path}${otherQuery ? `?${otherQuery}` : ''}`
    : undefined;
  const nav = user
    ? `<nav class="bo-nav" aria-label="${t('nav.label')}"><ul>
<li><a href="${e(link(BACK_OFFICE_ROOT, text))}">${t('nav.list')}</a></li>
${options.statistics ? `<li><a href="${e(link(`${BACK_OFFICE_ROOT}/statistics`, text))}">${t('nav.statistics')}</a></li>\n` : ''}</ul></nav>
<div class="bo-user"><span id="bo-who">${user.via === 'token' ? t('user.signedInToken') : t(`user.signedIn.${user.role}`, { name: user.name })}</span>
<form method="post" action="${e(`${BACK_OFFICE_ROOT}/signout`)}">${hiddenFields(user, text)}<button type="submit" class="button button--quiet">${t('user.signOut')}</button></form></div>`
    : '';
  return `${documentStart(text.locale, text.t('backOffice:pageTitle', { title: options.title }))}
<link rel="stylesheet" href="${BACK_OFFICE_ROOT}/assets/backOffice.css">
${(options.stylesheets ?? []).map((name) => `<link rel="stylesheet" href="${e(`${BACK_OFFICE_ROOT}/assets/${name}`)}">\n`).join('')}<script src="${BACK_OFFICE_ROOT}/assets/backOffice.js" defer></script>
</head>
<body class="document back-office">
<a class="bo-skip" href="#main">${t('skip')}</a>
<header class="banner banner--page bo-banner">
<p class="banner__name">${t('heading')}</p>
${nav}
${otherHref ? `<a class="button button--outline" href="${e(otherHref)}" lang="${other}" hreflang="${other}">${t('otherLanguage')}</a>` : ''}
</header>
<main id="main" class="content bo-main">
<h1>${e(options.title)}</h1>
${options.main}
</main>
${legalFooter(text, options.conformity)}</body>
</html>
`;
}
