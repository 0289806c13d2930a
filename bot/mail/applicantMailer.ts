import { applicantPdfName, type ApplicantPdf } from '../../committee/receipts/applicantPdf.js';
import {
  contactAddress,
  receiptMail,
  statusMail,
  type MailWords,
} from '../../committee/receipts/applicantMails.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import type { SupportedLocale } from '../../dialogs/translator.js';
import type { ApplicationQueue, StatusChange, StoredApplication } from '../../storage/applicationQueue.js';
import type { DocumentStore } from '../../storage/documentStore.js';
import { statusMailFor, type MailEntry, type MailOutbox, type NewMail } from '../../storage/mailOutbox.js';
import type { Localizer } from '../i18n.js';
import type { Logger } from '../logger.js';
import type { MailSender, OutgoingMail } from './mailTransport.js';

/** Longer than the transport's time-outs: a send still running is never started a second time. */
const LEASE_MS = 5 * 60_000;
const DAY_MS = 24 * 3600 * 1000;

export interface ApplicantMailerParts {
  outbox: MailOutbox;
  send: MailSender;
  queue: ApplicationQueue;
  pdf: ApplicantPdf;
  localizer: Localizer;
  settings: ProgrammeSettings;
  /** An *incomplete* mail asks only for the pieces not yet received, like the chat's message. */
  documents?: DocumentStore;
  logger: Logger;
  clock: () => Date;
}

/**
 * The applicant's e-mails: stored first (MailOutbox), tried at once without holding the turn, and removed only
 * once the SMTP server accepted them; an SMTP server down is tried again by the outbox rounds, with a back-off.
 * The address is read from the file when the mail goes, and is never logged.
 */
export class ApplicantMailer {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly parts: ApplicantMailerParts) {}

  /** At submission: the receipt is queued; the address it goes to, for the chat's confirmation. */
  async queueReceipt(application: StoredApplication, locale: SupportedLocale): Promise<string | undefined> {
    const address = contactAddress(application);
    if (!address) return undefined;
    await this.queue({
      reference: application.reference,
      channelId: application.channel,
      userId: application.userId,
      locale,
      content: { kind: 'receipt' },
    });
    return address;
  }

  /** Next to the chat's message of a status change (the status service's delivery). */
  readonly notifyStatus = async (application: StoredApplication, change: StatusChange): Promise<void> => {
    if (!contactAddress(application)) return;
    await this.queue(statusMailFor(application, change));
  };

  /** One round of the outbox (bot/outboxDelivery.ts): due mails sent, those kept too long dropped. */
  async round(): Promise<void> {
    const now = this.parts.clock();
    const limit = new Date(
      now.getTime() - this.parts.settings.retention.draftIdleDays * DAY_MS,
    ).toISOString();
    await this.parts.outbox.removeWhere((entry) => entry.createdAt < limit);
    for (const entry of await this.parts.outbox.claimDue(now, LEASE_MS)) await this.deliver(entry);
  }

  /** Waits for the sends started at once (closing the server, tests). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  eraseUser(userId: string): Promise<void> {
    return this.parts.outbox.eraseUser(userId);
  }

  private async queue(mail: NewMail): Promise<void> {
    const entry = await this.parts.outbox.add(mail, this.parts.clock(), LEASE_MS);
    // Not awaited: the turn or the API call never waits for an SMTP server.
    const sending = this.deliver(entry).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  private async deliver(entry: MailEntry): Promise<void> {
    const fields = { reference: entry.reference, kind: entry.content.kind, attempts: entry.attempts };
    try {
      const mail = await this.compose(entry);
      if (!mail) {
        await this.parts.outbox.done(entry.id);
        this.parts.logger.info({ event: 'mail_dropped', ...fields }, 'file gone or anonymised: mail dropped');
        return;
      }
      await this.parts.send(mail);
    } catch (error) {
      await this.parts.outbox.failed(entry.id, this.parts.clock()).catch(() => undefined);
      this.parts.logger.warn(
        { event: 'mail_failed', pending: true, ...fields, ...smtpFailure(error) },
        'applicant e-mail not sent yet: kept in the outbox',
      );
      return;
    }
    await this.parts.outbox.done(entry.id);
    this.parts.logger.info(
      { event: entry.content.kind === 'receipt' ? 'receipt_sent' : 'status_mail_sent', ...fields },
      entry.content.kind === 'receipt' ? 'receipt sent' : 'status e-mail sent',
    );
  }

  /** The e-mail as it goes now; undefined when there is nothing to send any more (file gone, anonymised). */
  private async compose(entry: MailEntry): Promise<OutgoingMail | undefined> {
    const application = await this.parts.queue.get(entry.reference);
    if (!application || application.retention?.anonymisedAt) return undefined;
    const to = contactAddress(application);
    if (!to) return undefined;
    const locale: SupportedLocale = entry.locale === 'en' ? 'en' : 'fr';
    const language = this.parts.localizer.language(locale);
    let words: MailWords;
    let attachments: OutgoingMail['attachments'];
    if (entry.content.kind === 'receipt') {
      words = receiptMail(language, application, this.parts.settings, this.parts.clock());
      const content = await this.parts.pdf(application, locale);
      attachments = [
        { filename: applicantPdfName(application.reference), content, contentType: 'application/pdf' },
      ];
    } else {
      const { change } = entry.content;
      const received =
        change.to === 'incomplete' && this.parts.documents
          ? (await this.parts.documents.list(application.reference)).map((document) => document.piece)
          : undefined;
      words = statusMail(language, application, change, this.parts.settings, received);
    }
    return {
      to,
      ...words,
      messageId: `<${entry.id}@alize.cci-ales-cevennes.fr>`,
      language: locale,
      ...(attachments ? { attachments } : {}),
    };
  }
}

/** What the SMTP exchange said (a code, a status), never the address nor the server's full answer. */
function smtpFailure(error: unknown): Record<string, unknown> {
  const { code, responseCode, name } = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    name?: unknown;
  };
  return {
    code: typeof code === 'string' ? code : typeof name === 'string' ? name : 'unknown',
    ...(typeof responseCode === 'number' ? { responseCode } : {}),
  };
}
