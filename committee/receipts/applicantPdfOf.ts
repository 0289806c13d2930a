import type { ApplicantPdf } from './applicantPdf.js';
import type { CommitteePdf } from '../pdf/committeePdf.js';

/** The applicant's copy from the back office's PDFs (committee/pdf/committeePdf.ts), as the receipts need it. */
export function applicantPdfOf(pdf: Pick<CommitteePdf, 'applicantCopy'>): ApplicantPdf {
  return async (application, locale) => {
    const copy = await pdf.applicantCopy(application.reference, locale);
    // The file was just read by the caller: gone since, nothing is sent and the caller says so.
    if (!copy) throw Object.assign(new Error('file gone'), { code: 'FILE_GONE' });
    return copy.bytes;
  };
}
