import { FIELD_REGISTRY, type FieldRegistry } from '../../dialogs/domain/fieldRegistry.js';
import { isFinalStatus } from '../../dialogs/domain/applicationStatus.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { fileFlagLines } from '../../dialogs/fileFlagLines.js';
import { formatAmount, type CommitteeText } from '../committeeFormat.js';
import { originLabel, reasonLabel, statusLabel, verdictLabel } from '../committeeLabels.js';
import { displayUserId } from '../../storage/displayUserId.js';
import type { StoredDocument } from '../../storage/documentStore.js';
import type { StoredApplication } from '../../storage/applicationQueue.js';
import { answerGroups } from './pdfAnswers.js';
import { documentsSection } from './pdfDocuments.js';
import { historyLines } from './pdfHistory.js';
import { bullets, createPdf, fieldRows, finishPdf, heading, paragraph } from './pdfLayout.js';
import { longDateTime } from './pdfValues.js';

/**
 * Who reads the copy. The committee's shows everything; the applicant's (sent with the acknowledgement, downloaded
 * from the chat) leaves out what is the committee's own: the points to check (flags: a duplicate SIRET names
 * another company's file), the check's verdict, the channel, pseudonym and advisor id, and who made each change
 * of the history. Status comments stay in both: the applicant was already told each of them (status:notify).
 */
export type PdfAudience = 'committee' | 'applicant';

export interface ApplicationPdfParts {
  /** The committee's words in the reader's language (`fr`, or `en`). */
  text: CommitteeText;
  /** The required pieces (`documents`), to say which are missing. */
  settings: Pick<ProgrammeSettings, 'documents'>;
  /** The time printed as « édité le » and set as the PDF's CreationDate. */
  clock: () => Date;
  audience?: PdfAudience;
  /** The file's supporting documents; without it the PDF has no documents section. */
  documents?: readonly StoredDocument[];
  registry?: FieldRegistry;
}

const capitalised = (sentence: string, locale: string): string =>
  sentence.charAt(0).toLocaleUpperCase(locale) + sentence.slice(1);

/** One application file as a PDF: header, verdict and its reasons, answers, documents, history. */
export async function renderApplicationPdf(
  application: StoredApplication,
  parts: ApplicationPdfParts,
): Promise<Buffer> {
  const { t } = parts.text;
  const now = parts.clock();
  const doc = createPdf({
    title: t('pdf:file.title', { reference: application.reference }),
    locale: parts.text.locale,
    createdAt: now,
  });
  drawApplication(doc, application, parts, now);
  return finishPdf(doc, (page, total) => t('pdf:footer', { reference: application.reference, page, total }));
}

/** The file's pages, from the current position: the dossier de séance draws each of its files with this. */
export function drawApplication(
  doc: PDFKit.PDFDocument,
  application: StoredApplication,
  parts: ApplicationPdfParts,
  now: Date,
): void {
  const { text } = parts;
  const { t } = text;
  const committee = (parts.audience ?? 'committee') === 'committee';
  paragraph(doc, t('pdf:programme'));
  heading(
    doc,
    t(committee ? 'pdf:file.title' : 'pdf:file.applicantTitle', { reference: application.reference }),
    16,
  );
  const meta: [string, string][] = [
    [t('committee:column.reference'), application.reference],
    [t('committee:show.meta.status'), statusLabel(application.status, text)],
    [t('committee:show.meta.submittedAt'), longDateTime(application.submittedAt, text)],
  ];
  if (committee) {
    meta.push(
      [t('committee:show.meta.origin'), originLabel(application.origin, text)],
      [t('committee:show.meta.channel'), application.channel],
      [t('committee:show.meta.userId'), displayUserId(application.userId)],
    );
    if (application.advisorId !== undefined)
      meta.push([t('committee:show.meta.advisorId'), application.advisorId]);
    const erasure = erasureLine(application, text);
    if (erasure !== undefined) meta.push([t('committee:show.meta.erasure'), erasure]);
  }
  meta.push([t('pdf:file.printedAt'), longDateTime(now.toISOString(), text)]);
  fieldRows(doc, meta);
  drawVerdict(doc, application, parts, committee);
  for (const group of answerGroups(application, text, parts.registry ?? FIELD_REGISTRY)) {
    heading(doc, group.title);
    fieldRows(doc, group.rows);
  }
  if (parts.documents) documentsSection(doc, parts.documents, parts.settings.documents, text);
  heading(doc, t('committee:show.section.history'));
  bullets(doc, historyLines(application, text, committee));
}

/**
 * A reason as the applicant read it in the chat: the rule's sentence with the figures it was given. A file
 * that kept no figures for a sentence that needs some (or an older file's short code) gets the committee's
 * short label instead of a sentence with a hole in it.
 */
function reasonSentence(
  reason: string,
  details: Record<string, string | number> | undefined,
  text: CommitteeText,
): string {
  const sentence = text.hasKey(reason) ? text.t(reason, details ?? {}) : undefined;
  const shown = sentence === undefined || sentence.includes('{{') ? reasonLabel(reason, text) : sentence;
  return capitalised(shown, text.locale);
}

/** When the applicant asked for erasure, and whether it is done (as `committee show` says it). */
function erasureLine(application: StoredApplication, text: CommitteeText): string | undefined {
  const requested = application.retention?.erasureRequestedAt;
  if (!requested) return undefined;
  const at = longDateTime(requested, text);
  const anonymised = application.retention?.anonymisedAt;
  if (anonymised)
    return text.t('committee:erasure.done', { at, anonymisedAt: longDateTime(anonymised, text) });
  return text.t(isFinalStatus(application.status) ? 'committee:erasure.due' : 'committee:erasure.waiting', {
    at,
  });
}

function drawVerdict(
  doc: PDFKit.PDFDocument,
  application: StoredApplication,
  parts: ApplicationPdfParts,
  committee: boolean,
): void {
  const { text } = parts;
  const { t } = text;
  const eligibility = application.eligibility;
  heading(doc, t('committee:show.meta.verdict'));
  const rows: [string, string][] = [
    [
      t('pdf:file.verdict'),
      eligibility ? verdictLabel(eligibility.verdict, text) : t('committee:value.none'),
    ],
  ];
  const check = eligibility?.check;
  if (committee && check && check.verdict !== eligibility?.verdict)
    rows.push([t('committee:show.meta.checkVerdict'), verdictLabel(check.verdict, text)]);
  fieldRows(doc, rows);
  // The reasons as the applicant read them in the chat: each rule's sentence with the figures it was given.
  const reasons = (eligibility?.reasons ?? []).map((reason, index) =>
    reasonSentence(reason, eligibility?.details?.[index] ?? undefined, text),
  );
  if (reasons.length > 0) {
    paragraph(doc, t('pdf:file.reasons'), { bold: true });
    bullets(doc, reasons);
  }
  if (!committee) return;
  const flags = fileFlagLines(application, t, (amount) => formatAmount(amount, text.locale));
  paragraph(doc, t('committee:show.meta.flags'), { bold: true });
  bullets(doc, flags.length > 0 ? flags : [t('committee:flagDetail.none')]);
}
