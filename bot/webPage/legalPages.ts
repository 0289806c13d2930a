import { formatDate } from '../../dialogs/formatting.js';
import type { AccessibilityConformity, ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import type { TurnLanguage } from '../../dialogs/translator.js';
import { DEFAULT_STORE_LIMITS } from '../directLine/conversationStore.js';
import { LEGAL_ROUTES, legalFooter, pageLink, type LegalPage } from './legalFooter.js';
import { documentStart, escapeHtml } from './pageHtml.js';

/** The localStorage key under which bot/webPage/assets/page.js keeps the visitor id (named on the privacy page). */
export const VISITOR_ID_STORAGE_KEY = 'alize.userId';

/**
 * How a section's lines are laid out: paragraphs, a list, or a first paragraph leading a list. Its sentences are
 * `legal:<page>.sections.<id>.heading` and `.body` (a list) in locales/.
 */
interface Section {
  id: string;
  layout?: 'list' | 'leadList';
  /** A last line `.note.<conformity>`, chosen by the settings' accessibility conformity. */
  noteByConformity?: boolean;
  /** A last line `.mail`, only when the server sends e-mails (SMTP settings): otherwise mail is never mentioned. */
  mailLine?: boolean;
}

/** What the server does that the pages must tell, or must not mention when it is off. */
export interface LegalPageFeatures {
  /** SMTP_URL and MAIL_FROM are set: receipts and status e-mails go to the applicant's contact address. */
  mail?: boolean;
}

const PAGES: Record<LegalPage, Section[]> = {
  accessibility: [
    { id: 'status', noteByConformity: true },
    { id: 'results' },
    { id: 'nonAccessible' },
    { id: 'established' },
    { id: 'technologies' },
    { id: 'environment' },
    { id: 'contact' },
    { id: 'remedies', layout: 'leadList' },
  ],
  notice: [{ id: 'publisher' }, { id: 'director' }, { id: 'host' }, { id: 'use' }, { id: 'personalData' }],
  privacy: [
    { id: 'browser' },
    { id: 'server', layout: 'list', mailLine: true },
    { id: 'retention', layout: 'list' },
    { id: 'recipients' },
    { id: 'rights' },
  ],
};

/** The facts the sentences are filled with, from the programme settings (a missing legal section says so). */
function valuesOf(settings: ProgrammeSettings, language: TurnLanguage): Record<string, string | number> {
  const { legal, dataProtection, retention } = settings;
  const missing = language.t('legal:notProvided');
  const conformity = legal?.accessibility.conformity ?? 'nonCompliant';
  return {
    publisher: legal?.publisher ?? dataProtection.controller,
    address: legal?.address ?? missing,
    publicationDirector: legal?.publicationDirector ?? missing,
    contactEmail: legal?.contactEmail ?? dataProtection.dpoEmail,
    hostName: legal?.host.name ?? missing,
    hostAddress: legal?.host.address ?? missing,
    conformity: language.t(`legal:conformity.${conformity}`),
    statementDate: legal ? formatDate(legal.accessibility.statementDate, language.locale) : missing,
    controller: dataProtection.controller,
    dpoEmail: dataProtection.dpoEmail,
    complaintUrl: dataProtection.complaintUrl,
    draftIdleDays: retention.draftIdleDays,
    fileYears: retention.fileYearsAfterDecision,
    transcriptMinutes: Math.round(DEFAULT_STORE_LIMITS.idleMs / 60_000),
    visitorKey: VISITOR_ID_STORAGE_KEY,
  };
}

const LINKABLE = /https:\/\/[^\s<>"]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * A line as HTML: escaped as plain text first, then its web addresses and e-mail addresses made into links
 * (their text is already escaped, and an escaped text holds no quote that could end the attribute).
 */
export function lineHtml(line: string): string {
  return escapeHtml(line).replace(LINKABLE, (match) => {
    const trailing = /[.,;:)]+$/.exec(match)?.[0] ?? '';
    const target = match.slice(0, match.length - trailing.length);
    const href = target.startsWith('https://') ? target : `mailto:${target}`;
    return `<a href="${href}">${target}</a>${trailing}`;
  });
}

function sectionHtml(
  page: LegalPage,
  section: Section,
  language: TurnLanguage,
  values: object,
  conformity: AccessibilityConformity,
  features: LegalPageFeatures,
): string {
  const key = `legal:${page}.sections.${section.id}`;
  const lines = [
    ...language.list(`${key}.body`, { ...values }),
    ...(section.mailLine && features.mail ? [language.t(`${key}.mail`)] : []),
    // The statement's state says whether an audit was made: its note follows the settings' conformity.
    ...(section.noteByConformity ? [language.t(`${key}.note.${conformity}`)] : []),
  ].map(lineHtml);
  const paragraphs = (items: string[]) => items.map((line) => `<p>${line}</p>`).join('\n');
  const list = (items: string[]) => `<ul>\n${items.map((line) => `<li>${line}</li>`).join('\n')}\n</ul>`;
  const body =
    section.layout === 'list'
      ? list(lines)
      : section.layout === 'leadList'
        ? `${paragraphs(lines.slice(0, 1))}\n${list(lines.slice(1))}`
        : paragraphs(lines);
  const headingId = `${section.id}-heading`;
  return `<section aria-labelledby="${headingId}">
<h2 id="${headingId}">${escapeHtml(language.t(`${key}.heading`))}</h2>
${body}
</section>`;
}

/** One of the three legal pages, every sentence from locales/ and escaped as plain text. */
export function renderLegalPage(
  page: LegalPage,
  language: TurnLanguage,
  settings: ProgrammeSettings,
  features: LegalPageFeatures = {},
): string {
  const values = valuesOf(settings, language);
  const conformity = settings.legal?.accessibility.conformity ?? 'nonCompliant';
  const t = (key: string) => escapeHtml(language.t(key));
  const heading = language.t(`legal:${page}.heading`);
  const other = language.locale === 'fr' ? 'en' : 'fr';
  const otherHref = other === 'fr' ? LEGAL_ROUTES[page] : `${LEGAL_ROUTES[page]}?lang=${other}`;
  const intro = language
    .list(`legal:${page}.intro`, values)
    .map((line) => `<p>${lineHtml(line)}</p>`)
    .join('\n');
  return `${documentStart(language.locale, language.t('legal:pageTitle', { heading }))}
</head>
<body class="document">
<header class="banner banner--page">
<p class="banner__name">${t('web:heading')}</p>
<div class="banner__nav">
<a class="button" href="${escapeHtml(pageLink('/', language))}">${t('legal:back')}</a>
<a class="button button--outline" href="${escapeHtml(otherHref)}" lang="${other}" hreflang="${other}">${t('legal:otherLanguage')}</a>
</div>
</header>
<main class="content legal">
<h1>${escapeHtml(heading)}</h1>
${intro}
${PAGES[page].map((section) => sectionHtml(page, section, language, values, conformity, features)).join('\n')}
</main>
${legalFooter(language, conformity)}</body>
</html>
`;
}
