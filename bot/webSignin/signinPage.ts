import type { TurnLanguage } from '../../dialogs/translator.js';
import type { AccessibilityConformity } from '../../dialogs/domain/programmeSettings.js';
import { legalFooter } from '../webPage/legalFooter.js';
import { documentStart, escapeHtml as e } from '../webPage/pageHtml.js';
import type { SigninFailure } from './entraSignin.js';

export type SigninPageProblem = SigninFailure | 'off';

/** The page a refused or failed sign-in ends on: what happened, in plain words, and the way back. */
export function renderSigninProblem(
  language: TurnLanguage,
  problem: SigninPageProblem,
  conformity?: AccessibilityConformity,
): string {
  const t = (key: string) => e(language.t(`signin:${key}`));
  const retry = problem === 'off' ? '' : `<a class="button" href="/auth/signin">${t('page.retry')}</a>\n`;
  return `${documentStart(language.locale, language.t('signin:page.title'))}
</head>
<body class="document">
<main class="content signin-problem">
<h1>${t('page.heading')}</h1>
<p id="signin-problem" role="alert">${t(`error.${problem}`)}</p>
<p>${retry}<a href="/">${t('page.back')}</a></p>
</main>
${legalFooter(language, conformity)}</body>
</html>
`;
}
