import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { ApplicantPdf } from '../../committee/receipts/applicantPdf.js';
import type { FileOffer } from '../../dialogs/downloadFileDialog.js';
import { languageOf } from '../../dialogs/translator.js';
import type { ApplicationQueue, StoredApplication } from '../../storage/applicationQueue.js';
import type { DownloadTokenStore } from '../../storage/downloadTokens.js';
import type { Logger } from '../logger.js';
import { FILES_ROUTE } from './downloadRoute.js';
import { answerFileConsent, fileConsentCard, isPersonalTeamsChat } from './teamsFileConsent.js';

/** How long a download link works. */
export const DOWNLOAD_LINK_MINUTES = 30;

export interface ApplicantFilesParts {
  tokens: DownloadTokenStore;
  queue: ApplicationQueue;
  pdf: ApplicantPdf;
  /** The server's public address (PUBLIC_HOST, or its own), known once it listens. */
  baseUrl: () => string;
  logger: Logger;
  clock: () => Date;
}

/** The applicant's PDF in the chat: a personal link (`/files/<token>`), or in Teams personal chat a consent card. */
export class ApplicantFiles implements FileOffer {
  private prunedAt?: number;

  constructor(private readonly parts: ApplicantFilesParts) {}

  async offer(context: TurnContext, application: StoredApplication): Promise<void> {
    const { t, locale } = languageOf(context);
    if (isPersonalTeamsChat(context)) {
      let bytes: Buffer;
      try {
        bytes = await this.parts.pdf(application, locale);
      } catch (error) {
        this.parts.logger.error(
          {
            event: 'pdf_failed',
            reference: application.reference,
            code: (error as Error)?.name ?? 'unknown',
          },
          'applicant PDF not made',
        );
        await context.sendActivity(t('receipts:download.unavailable'));
        return;
      }
      await context.sendActivity({
        attachments: [fileConsentCard(context, application.reference, bytes.length)],
      });
      return;
    }
    const token = await this.parts.tokens.issue(
      { channelId: context.activity.channelId, userId: context.activity.from.id },
      application.reference,
      locale,
      this.parts.clock(),
      DOWNLOAD_LINK_MINUTES * 60_000,
    );
    const url = `${this.parts.baseUrl()}${FILES_ROUTE}/${token}`;
    // The link in the words (plain text, any channel) and as a button that opens it (Web Chat, Emulator).
    const button = CardFactory.heroCard(
      '',
      [],
      CardFactory.actions([{ type: 'openUrl', title: t('receipts:download.open'), value: url }]),
    );
    await context.sendActivity(
      MessageFactory.attachment(
        button,
        t('receipts:download.link', {
          reference: application.reference,
          url,
          minutes: DOWNLOAD_LINK_MINUTES,
        }),
      ),
    );
  }

  /** Teams' `fileConsent/invoke`. */
  answerConsent(context: TurnContext) {
    return answerFileConsent(context, this.parts);
  }

  eraseUser(userId: string): Promise<void> {
    return this.parts.tokens.eraseUser(userId);
  }

  /** Run with the outbox rounds, at most hourly: links expired for a day are forgotten. */
  async prune(): Promise<void> {
    const now = this.parts.clock();
    if (this.prunedAt !== undefined && now.getTime() - this.prunedAt < 3_600_000) return;
    this.prunedAt = now.getTime();
    await this.parts.tokens.prune(now);
  }
}
