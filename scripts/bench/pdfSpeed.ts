/**
 * How long the dossier de séance takes for a full meeting: 50 files awaiting a decision in a lowdb queue of a
 * temporary folder, two documents each, rendered by CommitteePdf as the CLI and the API do (read the queue and
 * the documents, lay out, write). `node dist/scripts/bench/pdfSpeed.js [--files=50] [--runs=3]`: a table, then
 * one JSON line. Not a test: a measure, on a machine whose load changes it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Localizer } from '../../bot/i18n.js';
import { CommitteePdf } from '../../committee/pdf/committeePdf.js';
import { loadProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { createLowdbApplicationQueue } from '../../storage/index.js';
import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import { round, table } from './stats.js';

const option = (name: string, fallback: number): number => {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return given ? Number(given.split('=')[1]) : fallback;
};
const FILES = option('files', 50);
const RUNS = option('runs', 3);
const MEETING = '2027-02-11';
const PRINTED = new Date('2027-02-01T08:00:00Z');

const DESCRIPTION =
  'Achat d’une seconde ligne d’usinage à commande numérique et réorganisation de l’atelier « pièces de ' +
  'précision » pour répondre aux commandes de l’aéronautique ; formation de deux opérateurs et d’un régleur. ';

async function seed(dataDir: string): Promise<void> {
  const queue = createLowdbApplicationQueue(dataDir);
  const documents = new LowdbDocumentStore(path.join(dataDir, 'documents'));
  for (let index = 0; index < FILES; index++) {
    const { application } = await queue.submit(
      {
        channel: 'webchat',
        origin: 'applicant',
        userId: `bench-user-${index}`,
        eligibility: {
          verdict: index % 3 === 0 ? 'REVIEW' : 'OK',
          reasons: ['eligibility:reason.sector.other'],
        },
        data: {
          'project.type': 'development',
          'company.name': `Mécanique des Cévennes n° ${index + 1}`,
          'company.siret': '73282932000074',
          'company.legalForm': 'SAS',
          'company.creationDate': '2015-06-01',
          'company.commune': 'Alès',
          'company.postalCode': '30100',
          'company.headcount': 10 + index,
          'company.turnover': 1_250_000 + index * 10_000,
          'project.description': DESCRIPTION.repeat(3),
          'project.aidTypes': ['financial', 'mentoring'],
          'project.investment': 400_000,
          'project.amountRequested': 50_000 + index * 1_000,
          'project.jobsCreated': 3,
          'project.jobsKept': 5,
          'project.startDate': '2027-04-01',
          'contact.firstName': 'Hélène',
          'contact.lastName': 'Fabre',
          'contact.email': 'h.fabre@example.fr',
          'notice.acknowledgedAt': '2026-11-20T09:00:00.000Z',
        },
        now: new Date(Date.UTC(2026, 10, 1, 9, index)),
      },
      `bench-${index}`,
    );
    for (const piece of ['kbis', 'rib']) {
      const bytes = Buffer.from(`%PDF-1.4\n% ${piece}\n%%EOF\n`);
      await documents.put(application.reference, {
        document: {
          id: `${piece === 'kbis' ? 'a' : 'b'}${String(index).padStart(31, '0')}`,
          name: `${piece}-${index}.pdf`,
          type: 'application/pdf',
          size: bytes.length,
          sha256: '0'.repeat(64),
          piece,
          receivedAt: '2026-11-02T10:00:00.000Z',
        },
        bytes,
      });
    }
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'alize-bench-pdf-'));
try {
  await seed(dataDir);
  const pdf = new CommitteePdf({
    queue: createLowdbApplicationQueue(dataDir),
    documents: new LowdbDocumentStore(path.join(dataDir, 'documents')),
    localizer: new Localizer(),
    settings: loadProgrammeSettings('programme/alize.settings.json'),
    clock: () => PRINTED,
  });
  const times: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const dossier = await pdf.dossier(MEETING);
    times.push(performance.now() - started);
    bytes = dossier.bytes.length;
    pages = (dossier.bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  }
  process.stdout.write(
    `${table([
      ['measure', 'value'],
      ['files in the dossier', FILES],
      ['pages', pages],
      ['size', `${round(bytes / 1024)} KB`],
      ['first run (cold)', `${round(times[0])} ms`],
      ['each run', times.map((time) => `${round(time)} ms`).join(' / ')],
    ])}\n`,
  );
  process.stdout.write(`${JSON.stringify({ files: FILES, pages, bytes, ms: times.map(round) })}\n`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
