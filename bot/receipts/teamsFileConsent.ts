import type { Attachment, FileConsentCardResponse, InvokeResponse, TurnContext } from 'botbuilder';
import { applicantPdfName, type ApplicantPdf } from '../../committee/receipts/applicantPdf.js';
import { languageOf } from '../../dialogs/translator.js';
import type { ApplicationQueue, StoredApplication } from '../../storage/applicationQueue.js';
import type { Logger } from '../logger.js';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';

/** What the card carries back in its invoke: the file only (who accepts is read from the invoke's sender). */
interface ConsentContext {
  reference: string;
}

/** Teams' file consent card for the applicant's PDF (personal chat only: Teams uploads to their OneDrive). */
export function fileConsentCard(context: TurnContext, reference: string, sizeInBytes: number): Attachment {
  const consent: ConsentContext = { reference };
  return {
    contentType: FILE_CONSENT_CARD,
    name: applicantPdfName(reference),
    content: {
      description: languageOf(context).t('receipts:teams.consentDescription', { reference }),
      sizeInBytes,
      acceptContext: consent,
      declineContext: consent,
    },
  };
}

export const isPersonalTeamsChat = (context: TurnContext): boolean =>
  context.activity.channelId === 'msteams' && context.activity.conversation?.conversationType === 'personal';

/**
 * `fileConsent/invoke`: accepted, the PDF's bytes are PUT to the upload URL Teams gives and a file info card is
 * sent; declined, a polite sentence. The file is checked again to be the sender's own (the card's context
 * comes back from the client). Always 200: the card has been answered, whatever became of the upload.
 */
export async function answerFileConsent(
  context: TurnContext,
  parts: { queue: ApplicationQueue; pdf: ApplicantPdf; logger: Logger },
): Promise<InvokeResponse> {
  const { t, locale } = languageOf(context);
  const value = context.activity.value as Partial<FileConsentCardResponse> | undefined;
  const reference = (value?.context as Partial<ConsentContext> | undefined)?.reference;
  const ok: InvokeResponse = { status: 200 };
  if (value?.action === 'decline') {
    await context.sendActivity(t('receipts:teams.declined'));
    return ok;
  }
  const upload = value?.uploadInfo;
  if (
    value?.action !== 'accept' ||
    typeof reference !== 'string' ||
    !upload?.uploadUrl ||
    !isPersonalTeamsChat(context)
  ) {
    return { status: 400 };
  }
  if (!uploadable(upload.uploadUrl)) return { status: 400 };
  const application = await parts.queue.get(reference);
  if (!application || !ownedBy(application, context)) return { status: 404 };
  try {
    const bytes = await parts.pdf(application, locale);
    const response = await fetch(upload.uploadUrl, {
      method: 'PUT',
      headers: {
        'content-type': 'application/pdf',
        'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
      },
      body: bytes,
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw Object.assign(new Error('upload refused'), { code: `HTTP_${response.status}` });
  } catch (error) {
    const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
    parts.logger.warn(
      { event: 'teams_upload_failed', reference, code: typeof code === 'string' ? code : String(name) },
      'PDF not uploaded to Teams',
    );
    await context.sendActivity(t('receipts:teams.uploadFailed'));
    return ok;
  }
  await context.sendActivity({
    attachments: [
      {
        contentType: FILE_INFO_CARD,
        contentUrl: upload.contentUrl,
        name: upload.name ?? applicantPdfName(reference),
        content: { uniqueId: upload.uniqueId, fileType: upload.fileType ?? 'pdf' },
      },
    ],
  });
  parts.logger.info({ event: 'file_downloaded', via: 'teams', reference }, 'applicant PDF put in OneDrive');
  return ok;
}

/** OneDrive's upload sessions are https; plain http only on loopback (a local test of the flow). */
function uploadable(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname))
    );
  } catch {
    return false;
  }
}

function ownedBy(application: StoredApplication, context: TurnContext): boolean {
  return (
    application.channel === context.activity.channelId &&
    application.userId === context.activity.from?.id &&
    !application.retention?.anonymisedAt
  );
}
