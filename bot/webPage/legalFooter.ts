import type { TurnLanguage } from '../../dialogs/translator.js';
import type { AccessibilityConformity } from '../../dialogs/domain/programmeSettings.js';
import { escapeHtml as e } from './htmlEscape.js';

/** The routes of the legal pages (French names: the service is French first; `?lang=en` for English). */
export const LEGAL_ROUTES = {
  accessibility: '/accessibilite',
  notice: '/mentions-legales',
  privacy: '/confidentialite',
} as const;
export type LegalPage = keyof typeof LEGAL_ROUTES;

/** A link to one of the server's pages in the language being shown (French needs no parameter). */
export function pageLink(route: string, language: TurnLanguage): string {
  return language.locale === 'fr' ? route : `${route}?lang=${language.locale}`;
}

/**
 * The footer every page of the server ends with: the accessibility mention RGAA requires ("Accessibilité :
 * non conforme" until an audit), the legal notice and the privacy policy.
 */
export function legalFooter(
  language: TurnLanguage,
  conformity: AccessibilityConformity = 'nonCompliant',
): string {
  const t = (key: string, options?: Record<string, unknown>) => e(language.t(`legal:${key}`, options));
  const link = (page: LegalPage, text: string) =>
    `<li><a href="${e(pageLink(LEGAL_ROUTES[page], language))}">${text}</a></li>`;
  return `<footer class="site-footer">
<nav aria-label="${t('footer.label')}"><ul>
${link('accessibility', t('footer.accessibility', { conformity: language.t(`legal:conformity.${conformity}`) }))}
${link('notice', t('footer.notice'))}
${link('privacy', t('footer.privacy'))}
</ul></nav>
</footer>
`;
}
