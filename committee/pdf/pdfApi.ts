import type { SupportedLocale } from '../../dialogs/translator.js';
import { isIsoDate } from '../../dialogs/domain/programmeSettings.js';
import { UnknownReferenceError } from '../../storage/index.js';
import { parseListQuery, type ApiProblem } from '../committeeApiInput.js';
import { CommitteePdf, NoCommitteeDateError, type CommitteePdfParts } from './committeePdf.js';

export const FILE_PDF_PATH = '/api/applications/:reference/pdf';
export const DOSSIER_PATH = '/api/dossier-de-seance.pdf';
export const PDF_TYPE = 'application/pdf';

/** What the API's wrapper sends: the PDF as an attachment, or a refusal in the API's error format. */
export type PdfReply =
  | { status: 200; file: { bytes: Buffer; type: string; name: string } }
  | { status: 400 | 404; problem: ApiProblem };

export interface PdfRoutes {
  /** @throws UnknownReferenceError (the API's 404) */
  file(reference: string, locale: SupportedLocale): Promise<PdfReply>;
  /** `rawQuery`: `date=YYYY-MM-DD` or nothing. */
  dossier(rawQuery: string, locale: SupportedLocale): Promise<PdfReply>;
}

/** The two PDF routes of the committee API, in the language of the request (Accept-Language). */
export function pdfRoutes(parts: Omit<CommitteePdfParts, 'locale'>): PdfRoutes {
  const pdfs: Record<SupportedLocale, CommitteePdf> = {
    fr: new CommitteePdf({ ...parts, locale: 'fr' }),
    en: new CommitteePdf({ ...parts, locale: 'en' }),
  };
  return {
    async file(reference, locale) {
      const file = await pdfs[locale].file(reference);
      if (!file) throw new UnknownReferenceError(reference);
      return { status: 200, file: { bytes: file.bytes, type: PDF_TYPE, name: file.name } };
    },
    async dossier(rawQuery, locale) {
      const query = parseListQuery(rawQuery, ['date']);
      if (!query.ok) return { status: 400, problem: query.problem };
      const date = query.value.params.get('date') ?? undefined;
      if (date !== undefined && !isIsoDate(date)) {
        return {
          status: 400,
          problem: {
            error: 'invalid_parameter',
            messageKey: 'pdf:api.invalidDate',
            values: { date },
            details: { parameter: 'date' },
          },
        };
      }
      try {
        const dossier = await pdfs[locale].dossier(date);
        return { status: 200, file: { bytes: dossier.bytes, type: PDF_TYPE, name: dossier.name } };
      } catch (error) {
        if (!(error instanceof NoCommitteeDateError)) throw error;
        return {
          status: 404,
          problem: { error: 'no_committee_date', messageKey: 'pdf:api.noCommitteeDate' },
        };
      }
    },
  };
}
