import type { Server } from 'restify';
import type { Storage } from 'botbuilder';
import { CommitteePdf } from '../../committee/pdf/committeePdf.js';
import type { ApplicantPdf } from '../../committee/receipts/applicantPdf.js';
import { applicantPdfOf } from '../../committee/receipts/applicantPdfOf.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import type { StatusChangeListener } from '../../dialogs/statusMessages.js';
import type { ApplicationQueue } from '../../storage/applicationQueue.js';
import type { DocumentStore } from '../../storage/documentStore.js';
import { DownloadTokenStore } from '../../storage/downloadTokens.js';
import type { MailOutbox } from '../../storage/mailOutbox.js';
import type { AppConfig } from '../config.js';
import type { Localizer } from '../i18n.js';
import type { Logger } from '../logger.js';
import { ApplicantMailer } from '../mail/applicantMailer.js';
import { createMailSender, type MailSender } from '../mail/mailTransport.js';
import { ApplicantFiles } from './applicantFiles.js';
import { registerDownloadRoute } from './downloadRoute.js';

export interface ApplicantReceiptsParts {
  config: Pick<AppConfig, 'mail' | 'publicBaseUrl'>;
  storage: Storage;
  mailOutbox: MailOutbox;
  queue: ApplicationQueue;
  documents: DocumentStore;
  localizer: Localizer;
  settings: ProgrammeSettings;
  logger: Logger;
  clock: () => Date;
  /** The server's own address, known once it listens (the links' base without PUBLIC_HOST). */
  serverUrl: () => string;
  /** Tests: how e-mails leave, and the PDF (nodemailer and CommitteePdf's applicant copy by default). */
  mailSender?: MailSender;
  applicantPdf?: ApplicantPdf;
}

/**
 * What the applicant receives of their own file (issue 18): the e-mails (only with SMTP_URL and MAIL_FROM;
 * otherwise nothing is stored, sent or said) and the PDF in the chat (a link, or Teams' consent card).
 */
export function createApplicantReceipts(parts: ApplicantReceiptsParts) {
  const { config, queue, documents, localizer, settings, logger, clock } = parts;
  const pdf =
    parts.applicantPdf ?? applicantPdfOf(new CommitteePdf({ queue, documents, localizer, settings, clock }));
  const mailer = config.mail
    ? new ApplicantMailer({
        outbox: parts.mailOutbox,
        send: parts.mailSender ?? createMailSender(config.mail),
        queue,
        pdf,
        localizer,
        settings,
        documents,
        logger,
        clock,
      })
    : undefined;
  const tokens = new DownloadTokenStore(parts.storage);
  const files = new ApplicantFiles({
    tokens,
    queue,
    pdf,
    baseUrl: () => config.publicBaseUrl ?? parts.serverUrl(),
    logger,
    clock,
  });
  /** Next to the chat's message of a status change; a failure to queue the e-mail never stops the message. */
  const notifyStatus: StatusChangeListener = async (application, change) => {
    await mailer?.notifyStatus(application, change).catch((error: unknown) => {
      const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
      logger.warn(
        { event: 'mail_failed', reference: application.reference, code: String(code ?? name ?? 'unknown') },
        'status e-mail not queued',
      );
    });
  };
  return {
    mailer,
    files,
    notifyStatus,
    /** With the applicant outbox's rounds: due e-mails sent, expired links forgotten. */
    async round(): Promise<void> {
      try {
        await mailer?.round();
      } finally {
        await files.prune();
      }
    },
    async eraseUser(userId: string): Promise<void> {
      await mailer?.eraseUser(userId);
      await files.eraseUser(userId);
    },
    register(server: Server): void {
      registerDownloadRoute(server, { tokens, queue, pdf, localizer, logger, clock });
    },
    /** The e-mails being sent now (closing, tests). */
    settled: async (): Promise<void> => {
      await mailer?.settled();
    },
  };
}
