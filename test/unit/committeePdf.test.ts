import path from 'node:path';
import { Localizer } from '../../bot/i18n.js';
import { CommitteePdf, InvalidSessionDateError } from '../../committee/pdf/committeePdf.js';
import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import { createLowdbApplicationQueue } from '../../storage/index.js';
import { samplePdf } from '../contract/documentStoreContract.js';
import { committeeText } from '../support/committeeText.js';
import { document, fullApplication, PRINTED_AT } from '../support/pdfFixtures.js';
import { flat, flatText, pdfText } from '../support/pdfText.js';
import { settings, TEST_NOW } from '../support/programmeFixture.js';
import { tempFolder } from '../support/tempFolders.js';

const localizer = new Localizer();

async function backOffice(): Promise<CommitteePdf> {
  const dataDir = tempFolder('alize-committee-pdf-');
  const queue = createLowdbApplicationQueue(dataDir);
  const documents = new LowdbDocumentStore(path.join(dataDir, 'documents'));
  const { application } = await queue.submit(
    fullApplication({ now: new Date('2026-11-02T09:00:00Z') }),
    'one',
  );
  await documents.put(application.reference, { document: document(), bytes: samplePdf() });
  await queue.changeStatus(
    application.reference,
    'in_review',
    'advisor-42',
    undefined,
    new Date('2026-11-03T09:00:00Z'),
  );
  return new CommitteePdf({ queue, documents, localizer, settings, clock: () => TEST_NOW });
}

describe('CommitteePdf, for the back office, the e-mail and the chat', () => {
  test('file: the committee’s copy, named after the reference, with the documents of the store', async () => {
    const { t } = committeeText('fr');
    const pdf = await backOffice();
    const file = await pdf.file('ALZ-2026-0001');
    expect(file?.name).toBe('ALZ-2026-0001.pdf');
    const all = flatText(await pdfText(file!.bytes));
    expect(all).toContain('kbis <i>2026</i>.pdf');
    expect(all).toContain(t('committee:show.meta.flags'));
    expect(all).toContain('advisor-42');
    expect(await pdf.file('ALZ-2026-0404')).toBeUndefined();
  });

  test('applicantCopy: in the applicant’s language, without the committee’s points nor the advisor', async () => {
    const en = committeeText('en');
    const copy = await (await backOffice()).applicantCopy('ALZ-2026-0001', 'en');
    const all = flatText(await pdfText(copy!.bytes));
    expect(copy?.name).toBe('ALZ-2026-0001.pdf');
    expect(all).toContain(en.t('pdf:file.applicantTitle', { reference: 'ALZ-2026-0001' }));
    expect(all).toContain('kbis <i>2026</i>.pdf');
    expect(all).not.toContain(en.t('committee:show.meta.flags'));
    expect(all).not.toContain('advisor-42');
  });

  test('dossier: the next committee date after the clock by default, a date asked, a bad date refused', async () => {
    const { t } = committeeText('fr');
    const pdf = await backOffice();
    const next = await pdf.dossier();
    expect(next).toMatchObject({
      name: 'dossier-de-seance-2027-02-11.pdf',
      date: '2027-02-11',
      references: ['ALZ-2026-0001'],
    });
    const dated = await pdf.dossier('2026-10-15');
    expect(dated.references).toEqual([]);
    expect(flatText(await pdfText(dated.bytes))).toContain(
      flat(t('pdf:dossier.title', { date: '15 octobre 2026' })),
    );
    await expect(pdf.dossier('2026-13-01')).rejects.toThrow(InvalidSessionDateError);
  });

  test('the same file printed by the same clock gives the same bytes', async () => {
    const dataDir = tempFolder('alize-committee-pdf-');
    const queue = createLowdbApplicationQueue(dataDir);
    await queue.submit(fullApplication(), 'same');
    const pdf = new CommitteePdf({ queue, localizer, settings, clock: () => PRINTED_AT });
    const [first, second] = [await pdf.file('ALZ-2026-0001'), await pdf.file('ALZ-2026-0001')];
    expect(first!.bytes.equals(second!.bytes)).toBe(true);
  });
});
