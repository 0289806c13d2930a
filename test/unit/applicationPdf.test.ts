import { renderApplicationPdf, type ApplicationPdfParts } from '../../committee/pdf/applicationPdf.js';
import { pdfSafe } from '../../committee/pdf/pdfLayout.js';
import { formatDate, formatEuros } from '../../dialogs/formatting.js';
import type { SupportedLocale } from '../../dialogs/translator.js';
import { committeeText } from '../support/committeeText.js';
import { document, PRINTED_AT, storedApplication } from '../support/pdfFixtures.js';
import { flat, flatText, pdfText } from '../support/pdfText.js';
import { settings, TEST_NOW } from '../support/programmeFixture.js';
import { ELIGIBILITY } from '../../dialogs/domain/eligibilityRuleSet.js';
import { fileVerdict, verdictRecord } from '../../dialogs/domain/fileEligibility.js';

const parts = (locale: SupportedLocale, more: Partial<ApplicationPdfParts> = {}): ApplicationPdfParts => ({
  text: committeeText(locale),
  settings,
  clock: () => PRINTED_AT,
  ...more,
});

describe('the PDF of one application file', () => {
  test('French: header, verdict with its reasons, answers with the committee labels, documents, pages', async () => {
    const text = committeeText('fr');
    const { t } = text;
    const application = storedApplication();
    const content = await pdfText(
      await renderApplicationPdf(application, parts('fr', { documents: [document()] })),
    );
    const all = flatText(content);
    expect(all).toContain(flat(t('pdf:file.title', { reference: 'ALZ-2026-0007' })));
    expect(all).toContain(`${t('committee:show.meta.status')} ${t('committee:status.label.received')}`);
    // « 4 décembre 2026 à 11 h 15 » on the Paris clock, and the verdict's own sentences with their figures.
    expect(all).toContain(flat(`${formatDate('2026-12-04')} à 11 h 15`));
    expect(all).toContain(`${t('pdf:file.verdict')} ${t('committee:verdict.REVIEW')}`);
    const territory = t('eligibility:reason.territory.department', {
      commune: 'Nîmes',
      territory: 'Alès Agglomération',
    });
    expect(all).toContain(flat(territory.charAt(0).toUpperCase() + territory.slice(1)));
    expect(all).toContain(`${t('committee:field.project.amountRequested')} ${flat(formatEuros(250000))}`);
    expect(flat(formatEuros(250000))).toBe('250 000 €');
    expect(all).toContain(`${t('committee:field.project.startDate')} 31 mars 2027`);
    expect(all).toContain(`${t('committee:field.company.creationDate')} 1er mars 2019`);
    expect(all).toContain(`${t('committee:field.project.aidTypes')} avance remboursable, tutorat`);
    for (const group of ['company', 'project', 'financing', 'contact'])
      expect(all).toContain(t(`application:group.${group}`));
    // The applicant's text as typed: neither markup nor a PDF header is read as anything.
    expect(all).toContain('Œuvre & Cévennes <b>SAS</b>');
    expect(all).toContain('%PDF-1.7 « ligne d’usinage » — l’œuvre d’une équipe');
    expect(all).toContain('kbis <i>2026</i>.pdf');
    expect(all).toContain(flat(t('pdf:documents.missing')));
    expect(all).toContain(t('documents:piece.balanceSheets').replace(/^l/, 'L'));
    expect(all).toContain(t('committee:show.meta.flags'));
    content.pages.forEach((page, index) =>
      expect(flat(page)).toContain(
        flat(t('pdf:footer', { reference: 'ALZ-2026-0007', page: index + 1, total: content.pages.length })),
      ),
    );
  });

  test('a verdict computed at submission keeps its figures: the reasons print as the applicant read them', async () => {
    const { t } = committeeText('fr');
    const check = {
      commune: { inseeCode: '30007', name: 'Alès', department: '30', postalCode: '30100' },
      headcount: 12,
      turnover: 1_200_000,
      sector: { nafCode: '25.62B' },
      jobs: 3,
      proceedings: 'none',
      deMinimis: 0,
      independent: true,
      projectType: 'development',
      goodStanding: 'yes',
    } as const;
    const verdict = fileVerdict(
      ELIGIBILITY,
      check,
      { 'company.headcount': 400 },
      { settings, now: TEST_NOW },
    );
    const eligibility = verdictRecord(verdict);
    expect(eligibility.verdict).toBe('NO');
    const all = flatText(
      await pdfText(await renderApplicationPdf(storedApplication({ eligibility }), parts('fr'))),
    );
    expect(all).toContain(`${t('pdf:file.verdict')} ${t('committee:verdict.NO')}`);
    for (const [index, reason] of eligibility.reasons.entries()) {
      const sentence = t(reason, eligibility.details?.[index] ?? {});
      expect(sentence).not.toContain('{{');
      expect(all).toContain(flat(sentence.charAt(0).toUpperCase() + sentence.slice(1)));
    }
  });

  test('English when the reader is English', async () => {
    const { t } = committeeText('en');
    const all = flatText(await pdfText(await renderApplicationPdf(storedApplication(), parts('en'))));
    expect(all).toContain(t('pdf:file.title', { reference: 'ALZ-2026-0007' }));
    expect(all).toContain(`${t('committee:field.project.amountRequested')} €250,000`);
    expect(all).toContain('31 March 2027');
    expect(all).toContain(
      flat(t('pdf:footer', { reference: 'ALZ-2026-0007', page: 1, total: 1 })).split(' 1 of')[0],
    );
  });

  test('the applicant’s copy leaves out the points to check, the pseudonym and who changed the status', async () => {
    const { t } = committeeText('fr');
    const application = storedApplication({
      status: 'incomplete',
      history: [
        { at: '2026-12-04T10:15:00.000Z', by: 'user-pdf-1', from: null, to: 'received' },
        { at: '2026-12-05T09:00:00.000Z', by: 'advisor-42', from: 'received', to: 'in_review' },
        {
          at: '2026-12-06T09:00:00.000Z',
          by: 'advisor-42',
          from: 'in_review',
          to: 'incomplete',
          comment: 'RIB illisible',
        },
      ],
    });
    const committee = flatText(await pdfText(await renderApplicationPdf(application, parts('fr'))));
    const applicant = flatText(
      await pdfText(await renderApplicationPdf(application, parts('fr', { audience: 'applicant' }))),
    );
    expect(committee).toContain(t('committee:show.meta.flags'));
    expect(committee).toContain('advisor-42');
    expect(applicant).toContain(flat(t('pdf:file.applicantTitle', { reference: 'ALZ-2026-0007' })));
    expect(applicant).not.toContain(t('committee:show.meta.flags'));
    expect(applicant).not.toContain('advisor-42');
    expect(applicant).not.toContain('usr-');
    expect(applicant).toContain(flat(t('committee:show.historyComment', { comment: 'RIB illisible' })));
    expect(applicant).toContain(t('committee:status.label.incomplete'));
  });

  test('a long description runs over several pages, each numbered « Page n sur N »', async () => {
    const { t } = committeeText('fr');
    const description = Array.from({ length: 400 }, (_, index) => `Étape ${index + 1} de l’atelier.`).join(
      ' ',
    );
    const application = storedApplication();
    application.data['project.description'] = description;
    const content = await pdfText(await renderApplicationPdf(application, parts('fr')));
    expect(content.pages.length).toBeGreaterThanOrEqual(3);
    expect(flatText(content)).toContain('Étape 1 de l’atelier.');
    expect(flatText(content)).toContain('Étape 400 de l’atelier.');
    expect(flat(content.pages[content.pages.length - 1])).toContain(
      flat(
        t('pdf:footer', {
          reference: 'ALZ-2026-0007',
          page: content.pages.length,
          total: content.pages.length,
        }),
      ),
    );
  });

  test('the same file printed at the same time gives the same bytes, dated by the clock', async () => {
    const first = await renderApplicationPdf(storedApplication(), parts('fr'));
    const second = await renderApplicationPdf(storedApplication(), parts('fr'));
    expect(first.equals(second)).toBe(true);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await pdfText(first)).info.CreationDate).toBe('D:20261204163000Z');
  });

  test('a name in another Latin script, Greek or Cyrillic is printed as typed, not as question marks', async () => {
    const application = storedApplication();
    application.data['contact.firstName'] = 'Şükrü';
    application.data['contact.lastName'] = 'Nguyễn-Łukaszewicz Иванова';
    const all = flatText(await pdfText(await renderApplicationPdf(application, parts('fr'))));
    expect(all).toContain('Şükrü');
    expect(all).toContain('Nguyễn-Łukaszewicz Иванова');
  });

  test('the embedded font’s characters: narrow no-break spaces become no-break spaces, other scripts a sign', () => {
    expect(pdfSafe('250\u202f000\u00a0€')).toBe('250\u00a0000\u00a0€');
    expect(pdfSafe('œ « » ’ É \u0007')).toBe('œ « » ’ É ');
    expect(pdfSafe('Şahin Łukasz Nguyễn Иванов Παπαδόπουλος')).toBe(
      'Şahin Łukasz Nguyễn Иванов Παπαδόπουλος',
    );
    expect(pdfSafe('محمد 王 🙂')).toBe('???? ? ?');
  });
});
