import type { SupportedLocale } from '../../dialogs/translator.js';
import type { StoredApplication } from '../../storage/applicationQueue.js';

/** The applicant's own copy of their file as a PDF, in their language (committee/pdf/applicationPdf.ts). */
export type ApplicantPdf = (application: StoredApplication, locale: SupportedLocale) => Promise<Buffer>;

/** `AliZé-ALZ-2026-0007.pdf`: the name the e-mail's attachment and the download carry. */
export const applicantPdfName = (reference: string): string => `AliZé-${reference}.pdf`;

/** The same name in ASCII, for the `filename=` of a Content-Disposition (with the UTF-8 one next to it). */
export const asciiPdfName = (reference: string): string => `AliZe-${reference}.pdf`;
