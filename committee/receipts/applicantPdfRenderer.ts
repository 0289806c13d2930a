import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import type { DocumentStore } from '../../storage/documentStore.js';
import type { Localizer } from '../../bot/i18n.js';
import { renderApplicationPdf } from '../pdf/applicationPdf.js';
import type { ApplicantPdf } from './applicantPdf.js';

/** The applicant's copy (committee/pdf/applicationPdf.ts, applicant audience), with the file's documents listed. */
export function applicantPdfRenderer(parts: {
  localizer: Localizer;
  settings: Pick<ProgrammeSettings, 'documents'>;
  documents?: DocumentStore;
  clock: () => Date;
}): ApplicantPdf {
  return async (application, locale) => {
    const language = parts.localizer.language(locale);
    const documents = parts.documents ? await parts.documents.list(application.reference) : undefined;
    return renderApplicationPdf(application, {
      text: { ...language, hasKey: (key) => parts.localizer.hasKey(language.locale, key) },
      settings: parts.settings,
      clock: parts.clock,
      audience: 'applicant',
      ...(documents ? { documents } : {}),
    });
  };
}
