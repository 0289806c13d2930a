import type { TurnLanguage } from '../../dialogs/translator.js';
import { escapeHtml as e } from '../webPage/pageHtml.js';
import type { SigninFailure } from './entraSignin.js';

export type SigninPageProblem = SigninFailure | 'off';

/** The page a refused or failed sign-in ends on: what happened, in plain words, and the way back. */
export function renderSigninProblem(language: TurnLanguage, problem: SigninPageProblem): string {
  const t = (key: string) => e(language.t(`signin:${key}`));
  const retry = problem === 'off' ? '' : `<a class="button" href="/auth/signin">${t('page.retry')}</a>\n`;
  return `<!doctype html>
<html lang="${e(language.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t('page.title')}</title>
<link rel="stylesheet" href="/webchat/page.css">
</head>
<body>
<main class="content signin-problem">
<h1>${t('page.heading')}</h1>
<p id="signin-problem" role="alert">${t(`error.${problem}`)}</p>
<p>${retry}<a href="/">${t('page.back')}</a></p>
</main>
</body>
</html>
`;
}
