import { nextCommitteeDate } from '../../dialogs/domain/eligibilityVerdict.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { wallClockIn } from '../../dialogs/domain/zonedTime.js';
import { formatDate } from '../../dialogs/formatting.js';
import type { ApplicationStatus, StoredApplication } from '../../storage/index.js';
import type { StoredDocument } from '../../storage/documentStore.js';
import { drawApplication, type ApplicationPdfParts } from './applicationPdf.js';
import { createPdf, finishPdf, heading, nextPage, paragraph } from './pdfLayout.js';
import { summaryTable } from './sessionSummary.js';
import { longDateTime } from './pdfValues.js';

/**
 * The files a meeting examines: those still awaiting a decision (received, in review, or incomplete: the
 * committee sees it lacks pieces and may adjourn it), sent before the meeting's day. Accepted, rejected and
 * withdrawn files are done with; a file sent on the day itself goes to the next meeting. A file not decided at
 * a meeting is listed again at the next one.
 */
export const AWAITING_DECISION: readonly ApplicationStatus[] = ['received', 'in_review', 'incomplete'];

export class NoCommitteeDateError extends Error {
  constructor() {
    super('No committee date after today in the programme settings');
    this.name = 'NoCommitteeDateError';
  }
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** The day (YYYY-MM-DD) a file was sent, on the programme's clock. */
function submissionDay(application: StoredApplication, timeZone: string): string {
  const { date } = wallClockIn(new Date(application.submittedAt), timeZone);
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** The files to examine at the meeting of `date`, in reference order. */
export function filesForSession(
  applications: readonly StoredApplication[],
  date: string,
  settings: Pick<ProgrammeSettings, 'timeZone'>,
): StoredApplication[] {
  return applications
    .filter((application) => AWAITING_DECISION.includes(application.status))
    .filter((application) => submissionDay(application, settings.timeZone) < date)
    .sort((a, b) => a.reference.localeCompare(b.reference, 'en', { numeric: true }));
}

/** The meeting a dossier is for: the date asked, else the next one of the settings from the clock's day. */
export function sessionDate(
  settings: Pick<ProgrammeSettings, 'committeeDates' | 'timeZone'>,
  now: Date,
  date?: string,
): string {
  const chosen = date ?? nextCommitteeDate(settings, now);
  if (chosen === null) throw new NoCommitteeDateError();
  return chosen;
}

export interface SessionDossierParts extends Omit<
  ApplicationPdfParts,
  'documents' | 'audience' | 'settings'
> {
  settings: Pick<ProgrammeSettings, 'documents' | 'committeeDates' | 'timeZone'>;
  /** YYYY-MM-DD; by default the next committee date from the clock. */
  date?: string;
  /** Each file's documents by reference; a file missing from it is printed without its documents section. */
  documents?: ReadonlyMap<string, readonly StoredDocument[]>;
  /** References of the files the queue could not read (said on the cover: the committee must know). */
  skipped?: readonly string[];
}

/**
 * The dossier de séance: a cover, the summary table of the files to examine, then each file on its own pages.
 * `applications` may be the whole queue: only the files awaiting a decision for that meeting are printed.
 */
export async function renderSessionDossier(
  applications: readonly StoredApplication[],
  parts: SessionDossierParts,
): Promise<Buffer> {
  const { text } = parts;
  const { t } = text;
  const now = parts.clock();
  const date = sessionDate(parts.settings, now, parts.date);
  const files = filesForSession(applications, date, parts.settings);
  const day = formatDate(date, text.locale);
  const doc = createPdf({
    title: t('pdf:dossier.title', { date: day }),
    locale: text.locale,
    createdAt: now,
  });
  // Cover.
  doc.moveDown(6);
  paragraph(doc, t('pdf:programme'));
  heading(doc, t('pdf:dossier.title', { date: day }), 22);
  paragraph(doc, t('pdf:dossier.count', { count: files.length }), { bold: true });
  doc.moveDown();
  paragraph(doc, t('pdf:dossier.selection', { date: day }));
  paragraph(doc, t('pdf:dossier.printedAt', { at: longDateTime(now.toISOString(), text) }));
  const skipped = parts.skipped ?? [];
  if (skipped.length > 0) {
    doc.moveDown();
    paragraph(doc, t('pdf:dossier.skipped', { count: skipped.length, references: skipped.join(', ') }), {
      bold: true,
    });
  }
  // The summary table, first thing after the cover, in landscape: eight columns.
  nextPage(doc, 'landscape');
  heading(doc, t('pdf:dossier.summary'), 15);
  if (files.length === 0) paragraph(doc, t('pdf:dossier.none'));
  else summaryTable(doc, files, text);
  // Which file each page shows, for its footer.
  const firstPages: { page: number; reference: string }[] = [];
  for (const file of files) {
    nextPage(doc, 'portrait');
    firstPages.push({ page: doc.bufferedPageRange().count, reference: file.reference });
    const documents = parts.documents?.get(file.reference);
    const fileParts: ApplicationPdfParts = {
      text,
      settings: parts.settings,
      clock: parts.clock,
      audience: 'committee',
      ...(parts.registry ? { registry: parts.registry } : {}),
      ...(documents ? { documents } : {}),
    };
    drawApplication(doc, file, fileParts, now);
  }
  return finishPdf(doc, (page, total) => {
    const file = firstPages.filter((first) => first.page <= page).pop();
    return file
      ? t('pdf:dossier.footerFile', { date: day, reference: file.reference, page, total })
      : t('pdf:dossier.footer', { date: day, page, total });
  });
}
