import type { Localizer } from '../../bot/i18n.js';
import { isIsoDate, type ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import type { SupportedLocale } from '../../dialogs/translator.js';
import type { DocumentStore, StoredDocument } from '../../storage/documentStore.js';
import type { ApplicationQueue, ListReport, StoredApplication } from '../../storage/index.js';
import type { CommitteeText } from '../committeeLabels.js';
import { renderApplicationPdf, type PdfAudience } from './applicationPdf.js';
import { filesForSession, renderSessionDossier, sessionDate } from './sessionDossier.js';

export { NoCommitteeDateError } from './sessionDossier.js';

export interface PdfFile {
  /** The file name to offer (`ALZ-2026-0007.pdf`, `dossier-de-seance-2027-02-11.pdf`). */
  name: string;
  bytes: Buffer;
}

/** A dossier de séance, with what it holds: its meeting and the files it lists. */
export interface DossierFile extends PdfFile {
  /** YYYY-MM-DD. */
  date: string;
  /** The files it examines, in its order. */
  references: string[];
}

export interface CommitteePdfParts {
  queue: ApplicationQueue;
  documents?: DocumentStore;
  localizer: Localizer;
  settings: ProgrammeSettings;
  /** When the PDFs are printed (their date and CreationDate), and where "the next committee date" starts. */
  clock: () => Date;
  /** The language of the committee's copies and the dossier; French unless told. */
  locale?: SupportedLocale;
}

/** A dossier date that is not a real date written YYYY-MM-DD. */
export class InvalidSessionDateError extends RangeError {
  constructor(readonly date: string) {
    super(`Not a date YYYY-MM-DD: "${date}"`);
    this.name = 'InvalidSessionDateError';
  }
}

/**
 * The PDFs of the committee's back office over the queue: one file's (the committee's copy, or the applicant's
 * for the acknowledgement e-mail and the chat) and the dossier de séance of a meeting. Nothing is stored: each
 * PDF is made from the file as it is now.
 */
export class CommitteePdf {
  private readonly locale: SupportedLocale;

  constructor(private readonly parts: CommitteePdfParts) {
    this.locale = parts.locale ?? 'fr';
  }

  /** The committee's PDF of a file; undefined for a reference the queue does not have. */
  file(reference: string): Promise<PdfFile | undefined> {
    return this.render(reference, 'committee', this.locale);
  }

  /** The applicant's own copy, in their language: without the committee's points to check nor advisors' names. */
  applicantCopy(reference: string, locale: SupportedLocale = this.locale): Promise<PdfFile | undefined> {
    return this.render(reference, 'applicant', locale);
  }

  /**
   * The dossier de séance of `date` (YYYY-MM-DD), by default the next committee date of the settings.
   * @throws InvalidSessionDateError, NoCommitteeDateError (no date asked and none planned)
   */
  async dossier(date?: string): Promise<DossierFile> {
    if (date !== undefined && !isIsoDate(date)) throw new InvalidSessionDateError(date);
    const { queue, settings, clock } = this.parts;
    const day = sessionDate(settings, clock(), date);
    const report: ListReport = { skipped: [] };
    const files = filesForSession(await queue.list(undefined, report), day, settings);
    const documents = new Map<string, readonly StoredDocument[]>();
    if (this.parts.documents) {
      for (const file of files)
        documents.set(file.reference, await this.parts.documents.list(file.reference));
    }
    const bytes = await renderSessionDossier(files, {
      text: this.text(this.locale),
      settings,
      clock,
      date: day,
      skipped: report.skipped,
      ...(this.parts.documents ? { documents } : {}),
    });
    return {
      name: `dossier-de-seance-${day}.pdf`,
      bytes,
      date: day,
      references: files.map((file) => file.reference),
    };
  }

  private async render(
    reference: string,
    audience: PdfAudience,
    locale: SupportedLocale,
  ): Promise<PdfFile | undefined> {
    const application: StoredApplication | undefined = await this.parts.queue.get(reference);
    if (!application) return undefined;
    const documents = await this.parts.documents?.list(application.reference);
    const bytes = await renderApplicationPdf(application, {
      text: this.text(locale),
      settings: this.parts.settings,
      clock: this.parts.clock,
      audience,
      ...(documents ? { documents } : {}),
    });
    return { name: `${application.reference}.pdf`, bytes };
  }

  private text(locale: SupportedLocale): CommitteeText {
    const { localizer } = this.parts;
    return { ...localizer.language(locale), hasKey: (key) => localizer.hasKey(locale, key) };
  }
}
