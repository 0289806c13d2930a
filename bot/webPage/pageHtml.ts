import type { AccessibilityConformity } from '../../dialogs/domain/programmeSettings.js';
import type { TurnLanguage } from '../../dialogs/translator.js';
import { escapeHtml } from './htmlEscape.js';
import { legalFooter } from './legalFooter.js';

export { escapeHtml };

/** The page's sentences, from locales/<lang>/web.json. */
const KEYS = [
  'title',
  'heading',
  'subtitle',
  'hint',
  'newConversation',
  'chatLabel',
  'connecting',
  'connected',
  'unavailable',
  'reconnecting',
  'reconnected',
  'unsent',
  'resend',
  'erased',
  'noscript',
] as const;
type PageStrings = Record<(typeof KEYS)[number], string>;

/** JSON that is safe inside a <script type="application/json"> block: no "</script>", no HTML comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The start of the server's HTML pages, up to the page's style sheet (the <head> is left open). */
export function documentStart(locale: string, title: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/webchat/page.css">`;
}

export interface PageOptions {
  language: TurnLanguage;
  /** Per response: lets Web Chat's generated <style> elements through the Content-Security-Policy. */
  styleNonce: string;
  /** Cache-busting version of the Web Chat bundle. */
  webChatVersion: string;
  /** With the advisors' sign-in configured: whether this browser is signed in, and as whom. */
  advisor?: { signedIn: boolean; name: string };
  /** The accessibility mention of the footer (the programme settings' legal section). */
  conformity?: AccessibilityConformity;
}

/** The advisors' corner of the page: a discreet link, or who is signed in and a sign-out button. */
function advisorArea(language: TurnLanguage, advisor: PageOptions['advisor']): string {
  if (!advisor) return '';
  const e = escapeHtml;
  if (!advisor.signedIn) {
    return `<div class="advisor"><a id="advisor-signin" href="/auth/signin">${e(language.t('signin:link'))}</a></div>\n`;
  }
  const who = advisor.name
    ? language.t('signin:signedInAs', { name: advisor.name })
    : language.t('signin:signedIn');
  return `<div class="advisor advisor--signed-in"><span id="advisor-who">${e(who)}</span> <button type="button" id="advisor-signout" class="button button--quiet">${e(language.t('signin:signOut'))}</button></div>\n`;
}

/**
 * The FR / EN control: it sets the conversation's language (the bot remembers it for this visitor, over the
 * browser's) and reloads the page in that language (page.js).
 */
function languageControl(language: TurnLanguage): string {
  const e = escapeHtml;
  // The visible code first in the accessible name ("EN, English"), as speech input users say what they see.
  const choice = (locale: 'fr' | 'en') =>
    `<button type="button" id="language-${locale}" class="button button--quiet language__choice" data-locale="${locale}" lang="${locale}" aria-pressed="${language.locale === locale}">${locale.toUpperCase()}<span class="language__name">, ${e(language.t(`web:language.${locale}`))}</span></button>`;
  return `<div class="language" role="group" aria-label="${e(language.t('web:language.label'))}">${choice('fr')}${choice('en')}</div>`;
}

/**
 * The chat page. Every sentence is escaped here; nothing a user types ever goes through this HTML (Web Chat
 * renders messages itself, as text or sanitised Markdown). The page script reads its settings from a JSON
 * data block, so no inline script has to be allowed.
 */
export function renderPage({
  language,
  styleNonce,
  webChatVersion,
  advisor,
  conformity,
}: PageOptions): string {
  const s = Object.fromEntries(KEYS.map((key) => [key, language.t(`web:${key}`)])) as PageStrings;
  const config = {
    locale: language.locale === 'en' ? 'en-US' : 'fr-FR',
    styleNonce,
    strings: {
      connecting: s.connecting,
      connected: s.connected,
      unavailable: s.unavailable,
      reconnecting: s.reconnecting,
      reconnected: s.reconnected,
      unsent: s.unsent,
      // The page puts each unsent message in place of {{text}}.
      resend: language.t('web:resend', { text: '{{text}}' }),
      erased: s.erased,
    },
  };
  const e = escapeHtml;
  return `${documentStart(language.locale, s.title)}
<script type="application/json" id="alize-config">${jsonForScript(config)}</script>
<script src="/webchat/webchat.js?v=${encodeURIComponent(webChatVersion)}" defer></script>
<script src="/webchat/page.js" defer></script>
</head>
<body>
<header class="banner">
<div class="banner__text">
<h1>${e(s.heading)}</h1>
<p>${e(s.subtitle)}</p>
</div>
<button type="button" id="new-conversation" class="button">${e(s.newConversation)}</button>
${languageControl(language)}
</header>
<main class="content">
<p class="hint">${e(s.hint)}</p>
<p id="status" class="status" role="status" aria-live="polite"></p>
<section id="chat" class="chat" aria-label="${e(s.chatLabel)}"></section>
<noscript><p class="status">${e(s.noscript)}</p></noscript>
</main>
${advisorArea(language, advisor)}${legalFooter(language, conformity)}</body>
</html>
`;
}
