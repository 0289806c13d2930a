import fs from 'node:fs';
import type { RunningApp } from '../../bot/app.js';
import { LEGAL_ROUTES } from '../../bot/webPage/legalFooter.js';
import { renderLegalPage, VISITOR_ID_STORAGE_KEY } from '../../bot/webPage/legalPages.js';
import { parseProgrammeSettings, type ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { en, fr } from '../support/botHarness.js';
import { startTestServer, tempDataDir } from '../support/httpBot.js';

/** The programme's settings with legal facts of this test's own, one of them hostile HTML. */
function fixtureSettings(): ProgrammeSettings {
  const json = JSON.parse(fs.readFileSync('programme/alize.settings.json', 'utf8')) as Record<
    string,
    unknown
  >;
  json.retention = { draftIdleDays: 97, fileYearsAfterDecision: 7 };
  json.dataProtection = {
    controller: 'CCI Test-Cévennes',
    dpoEmail: 'dpo@test-cci.example',
    complaintUrl: 'https://cnil.example/plaintes',
  };
  json.legal = {
    publisher: 'CCI Test-Cévennes <script>alert(1)</script>',
    address: '12 rue des Essais, 30100 Alès',
    publicationDirector: 'Mme Directrice Essai',
    contactEmail: 'accueil@test-cci.example',
    host: { name: 'Hébergeur Essai SAS', address: '1 quai des Serveurs, 75000 Paris' },
    accessibility: { conformity: 'partiallyCompliant', statementDate: '2026-11-03' },
  };
  return parseProgrammeSettings(json, 'legal-pages.fixture');
}

/** The page's text without its tags, its entities decoded: what a reader sees. */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    // Line breaks and indentation of the markup, not the no-break spaces of French typography.
    .replace(/[ \t\r\n]+/g, ' ');

describe('the legal pages', () => {
  let dataDir: string;
  let app: RunningApp;
  const get = (path: string) => fetch(`${app.url}${path}`);

  beforeAll(async () => {
    dataDir = tempDataDir();
    app = await startTestServer(dataDir, {}, { settings: fixtureSettings() });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test.each(Object.entries(LEGAL_ROUTES))(
    '%s (%s): French, scriptless, with the security headers',
    async (page, route) => {
      const response = await get(route);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('script-src');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await response.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).not.toContain('<script');
      expect(textOf(html)).toContain(fr.t(`legal:${page}.heading`));
    },
  );

  test.each(Object.entries(LEGAL_ROUTES))('%s (%s) in English with ?lang=en', async (page, route) => {
    const html = await (await get(`${route}?lang=en`)).text();
    expect(html).toContain('<html lang="en">');
    expect(textOf(html)).toContain(en.t(`legal:${page}.heading`));
    // The way back and the footer links stay in English.
    expect(html).toContain('href="/?lang=en"');
    expect(html).toContain(`href="${LEGAL_ROUTES.privacy}?lang=en"`);
  });

  test('the privacy page names the visitor id kept in the browser, the retention periods, the rights and the CNIL', async () => {
    const html = await (await get(LEGAL_ROUTES.privacy)).text();
    const text = textOf(html);
    expect(text).toMatch(new RegExp(`«\\s${VISITOR_ID_STORAGE_KEY}\\s»`));
    expect(text).toContain(fr.t('legal:privacy.sections.retention.body.0', { draftIdleDays: 97 }));
    expect(text).toContain(fr.t('legal:privacy.sections.retention.body.1', { fileYears: 7 }));
    expect(text).toMatch(/«\ssupprimer mes données\s»/);
    expect(html).toContain('<a href="mailto:dpo@test-cci.example">dpo@test-cci.example</a>');
    expect(html).toContain('<a href="https://cnil.example/plaintes">https://cnil.example/plaintes</a>');
    expect(text).toContain(fr.t('legal:privacy.intro.0', { controller: 'CCI Test-Cévennes' }));
  });

  test("the page's own script keeps the visitor id under the key the privacy page names", () => {
    const script = fs.readFileSync('bot/webPage/assets/page.js', 'utf8');
    expect(script).toContain(`const USER_KEY = '${VISITOR_ID_STORAGE_KEY}';`);
  });

  test('the legal notice shows the settings as plain text: publisher, director, host, contact', async () => {
    const html = await (await get(LEGAL_ROUTES.notice)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('CCI Test-Cévennes &lt;script&gt;alert(1)&lt;/script&gt;');
    const text = textOf(html);
    for (const value of ['12 rue des Essais, 30100 Alès', 'Mme Directrice Essai', 'Hébergeur Essai SAS']) {
      expect(text).toContain(value);
    }
    expect(html).toContain('href="mailto:accueil@test-cci.example"');
  });

  test('the accessibility statement: state from the settings, dated, with the Défenseur des droits', async () => {
    const text = textOf(await (await get(LEGAL_ROUTES.accessibility)).text());
    const conformity = fr.t('legal:conformity.partiallyCompliant');
    expect(text).toContain(fr.t('legal:accessibility.sections.status.body.0', { conformity }));
    expect(text).toContain(fr.t('legal:accessibility.sections.status.note.partiallyCompliant'));
    expect(text).not.toContain(fr.t('legal:accessibility.sections.status.note.nonCompliant'));
    expect(text).toContain(
      fr.t('legal:accessibility.sections.established.body.0', { statementDate: '3 novembre 2026' }),
    );
    for (const section of [
      'status',
      'nonAccessible',
      'established',
      'technologies',
      'environment',
      'contact',
      'remedies',
    ]) {
      expect(text).toContain(fr.t(`legal:accessibility.sections.${section}.heading`));
    }
    expect(text).toContain('Défenseur des droits');
    expect(text).toContain('accueil@test-cci.example');
  });

  test.each([
    ['the chat page', '/', 200],
    ['the sign-in page', '/auth/signin', 404],
    ['a legal page', LEGAL_ROUTES.notice, 200],
  ])('%s ends with the accessibility mention and the legal links', async (_name, route, status) => {
    const response = await get(route);
    expect(response.status).toBe(status);
    const html = await response.text();
    const footer = html.slice(html.indexOf('<footer class="site-footer">'));
    const conformity = fr.t('legal:conformity.partiallyCompliant');
    expect(footer).toContain(
      `<a href="${LEGAL_ROUTES.accessibility}">${fr.t('legal:footer.accessibility', { conformity })}</a>`,
    );
    expect(footer).toContain(`<a href="${LEGAL_ROUTES.notice}">${fr.t('legal:footer.notice')}</a>`);
    expect(footer).toContain(`<a href="${LEGAL_ROUTES.privacy}">${fr.t('legal:footer.privacy')}</a>`);
  });

  test.each([
    ['the chat page', '/?lang=en', 200],
    ['the sign-in page', '/auth/signin?lang=en', 404],
  ])('%s in English links to the English legal pages', async (_name, route, status) => {
    const response = await get(route);
    expect(response.status).toBe(status);
    const html = await response.text();
    const footer = html.slice(html.indexOf('<footer class="site-footer">'));
    const conformity = en.t('legal:conformity.partiallyCompliant');
    expect(footer).toContain(
      `<a href="${LEGAL_ROUTES.accessibility}?lang=en">${en.t('legal:footer.accessibility', { conformity })}</a>`,
    );
    expect(footer).toContain(`<a href="${LEGAL_ROUTES.privacy}?lang=en">${en.t('legal:footer.privacy')}</a>`);
  });
});

describe('the legal pages without a legal section in the settings', () => {
  test('say "non conforme", name the data controller as publisher and say what is not provided', () => {
    const json = JSON.parse(fs.readFileSync('programme/alize.settings.json', 'utf8')) as Record<
      string,
      unknown
    >;
    delete json.legal;
    const settings = parseProgrammeSettings(json, 'no-legal.fixture');
    const notice = textOf(renderLegalPage('notice', fr, settings));
    expect(notice).toContain(settings.dataProtection.controller);
    expect(notice).toContain(fr.t('legal:notProvided'));
    const statement = textOf(renderLegalPage('accessibility', fr, settings));
    expect(statement).toContain(
      fr.t('legal:footer.accessibility', { conformity: fr.t('legal:conformity.nonCompliant') }),
    );
    expect(statement).toContain(fr.t('legal:accessibility.sections.status.note.nonCompliant'));
  });
});

describe('the privacy page and what the server does', () => {
  const settings = fixtureSettings();

  test('names the supporting documents kept with the file, in both languages', () => {
    for (const language of [fr, en]) {
      const documents = language.list('legal:privacy.sections.server.body', {})[2];
      expect(textOf(renderLegalPage('privacy', language, settings))).toContain(documents);
    }
  });

  test('tells of the e-mails only when the server sends them (SMTP settings), and never otherwise', () => {
    const mail = fr.t('legal:privacy.sections.server.mail');
    expect(textOf(renderLegalPage('privacy', fr, settings, { mail: true }))).toContain(mail);
    expect(textOf(renderLegalPage('privacy', fr, settings))).not.toContain(mail);
    expect(textOf(renderLegalPage('privacy', en, settings, { mail: true }))).toContain(
      en.t('legal:privacy.sections.server.mail'),
    );
  });
});
