import {
  filesForSession,
  NoCommitteeDateError,
  renderSessionDossier,
  type SessionDossierParts,
} from '../../committee/pdf/sessionDossier.js';
import { formatDate, formatEuros } from '../../dialogs/formatting.js';
import type { ApplicationStatus, StoredApplication } from '../../storage/index.js';
import { committeeText } from '../support/committeeText.js';
import { PRINTED_AT, storedApplication } from '../support/pdfFixtures.js';
import { flat, flatText, pdfText } from '../support/pdfText.js';
import { settings, TEST_NOW } from '../support/programmeFixture.js';

const REFERENCES = /ALZ-\d{4}-\d{4}/g;

function file(sequence: number, status: ApplicationStatus, submittedAt: string): StoredApplication {
  const application = storedApplication({
    reference: `ALZ-2026-${String(sequence).padStart(4, '0')}`,
    status,
    submittedAt,
  });
  application.data['company.name'] = `Société ${sequence}`;
  return application;
}

/** Every status, and files sent the day before, the day of and after the 15 October 2026 meeting. */
const QUEUE: StoredApplication[] = [
  file(1, 'received', '2026-10-01T08:00:00.000Z'),
  file(2, 'in_review', '2026-10-02T08:00:00.000Z'),
  file(3, 'incomplete', '2026-10-03T08:00:00.000Z'),
  file(4, 'accepted', '2026-10-04T08:00:00.000Z'),
  file(5, 'rejected', '2026-10-05T08:00:00.000Z'),
  file(6, 'withdrawn', '2026-10-06T08:00:00.000Z'),
  // 23:30 in Paris on the 14th: sent the day before the meeting.
  file(7, 'received', '2026-10-14T21:30:00.000Z'),
  // 00:30 in Paris on the 15th: the meeting's own day, so the next meeting's.
  file(8, 'received', '2026-10-14T22:30:00.000Z'),
  file(9, 'in_review', '2026-11-20T08:00:00.000Z'),
];

const parts = (more: Partial<SessionDossierParts> = {}): SessionDossierParts => ({
  text: committeeText('fr'),
  settings,
  clock: () => TEST_NOW,
  ...more,
});

describe('the dossier de séance', () => {
  test('examines the files awaiting a decision sent before the meeting’s day, on the Paris clock', () => {
    const references = (date: string) =>
      filesForSession(QUEUE, date, settings).map((application) => application.reference);
    expect(references('2026-10-15')).toEqual([
      'ALZ-2026-0001',
      'ALZ-2026-0002',
      'ALZ-2026-0003',
      'ALZ-2026-0007',
    ]);
    expect(references('2027-02-11')).toEqual([
      'ALZ-2026-0001',
      'ALZ-2026-0002',
      'ALZ-2026-0003',
      'ALZ-2026-0007',
      'ALZ-2026-0008',
      'ALZ-2026-0009',
    ]);
  });

  test('by default the next committee date after the clock: cover, summary table of exactly those files, then each', async () => {
    const { t } = committeeText('fr');
    const content = await pdfText(await renderSessionDossier(QUEUE, parts()));
    // TEST_NOW is 26 November 2026: the next date of the fixture is 11 February 2027.
    const day = formatDate('2027-02-11');
    const expected = filesForSession(QUEUE, '2027-02-11', settings).map(
      (application) => application.reference,
    );
    const [cover, summary] = content.pages.map(flat);
    expect(cover).toContain(flat(t('pdf:dossier.title', { date: day })));
    expect(cover).toContain(flat(t('pdf:dossier.count', { count: 6 })));
    expect(summary).toContain(t('pdf:dossier.summary'));
    // The summary page's own footer names no file: every reference on it is a line of the table.
    expect(summary.match(REFERENCES)).toEqual(expected);
    for (const header of ['reference', 'company', 'commune', 'amount', 'verdict', 'status'])
      expect(summary).toContain(t(`pdf:dossier.header.${header}`));
    expect(summary).toContain(`${flat(formatEuros(250000))} 4 + 6 ${t('committee:verdict.REVIEW')}`);
    expect(summary).toContain(
      flat(t('pdf:dossier.totals', { count: 6, amount: formatEuros(1500000), created: '24', kept: '36' })),
    );
    const all = flatText(content);
    for (const left of ['ALZ-2026-0004', 'ALZ-2026-0005', 'ALZ-2026-0006']) expect(all).not.toContain(left);
    for (const reference of expected) expect(all).toContain(flat(t('pdf:file.title', { reference })));
    const last = content.pages.length;
    expect(flat(content.pages[last - 1])).toContain(
      flat(t('pdf:dossier.footerFile', { date: day, reference: 'ALZ-2026-0009', page: last, total: last })),
    );
    expect(flat(content.pages[0])).toContain(
      flat(t('pdf:dossier.footer', { date: day, page: 1, total: last })),
    );
  });

  test('a meeting with nothing to examine says so; an unreadable file is named on the cover', async () => {
    const { t } = committeeText('fr');
    const content = await pdfText(
      await renderSessionDossier(QUEUE, parts({ date: '2026-06-18', skipped: ['ALZ-2026-0042'] })),
    );
    const all = flatText(content);
    expect(all).toContain(flat(t('pdf:dossier.none')));
    expect(all).toContain(flat(t('pdf:dossier.skipped', { count: 1, references: 'ALZ-2026-0042' })));
    expect(content.pages).toHaveLength(2);
  });

  test('in English when asked, dated by the clock', async () => {
    const { t } = committeeText('en');
    const bytes = await renderSessionDossier(
      QUEUE,
      parts({ text: committeeText('en'), clock: () => PRINTED_AT }),
    );
    const content = await pdfText(bytes);
    expect(flatText(content)).toContain(t('pdf:dossier.title', { date: '11 February 2027' }));
    expect(content.info.CreationDate).toBe('D:20261204163000Z');
  });

  test('no date asked and none to come in the settings: a clear refusal', async () => {
    await expect(
      renderSessionDossier(QUEUE, parts({ settings: { ...settings, committeeDates: [] } })),
    ).rejects.toThrow(NoCommitteeDateError);
  });
});
