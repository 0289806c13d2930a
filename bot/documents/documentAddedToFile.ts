import type { TurnContext } from 'botbuilder';
import type { AdvisorAlert } from '../../dialogs/contactAdvisorDialog.js';
import { languageOf } from '../../dialogs/translator.js';
import type { ApplicationQueue } from '../../storage/applicationQueue.js';
import { displayUserId } from '../../storage/displayUserId.js';
import type { StoredDocument } from '../../storage/documentStore.js';
import type { Logger } from '../logger.js';

/**
 * A document sent after submission: a `documentAdded` line at the end of the file's history (appended under the
 * queue's lock or ETag, so a status change at the same time is not lost), and the advisors are alerted. The
 * line carries the document's id and piece, never its name or content; nor does the log.
 */
export function documentAddedToFile(parts: {
  queue: ApplicationQueue;
  alertAdvisors: AdvisorAlert;
  clock: () => Date;
  logger: Logger;
}): (reference: string, document: StoredDocument, context: TurnContext) => Promise<void> {
  return async (reference, document, context) => {
    const file = await parts.queue.get(reference);
    if (!file) return;
    const { activity } = context;
    await parts.queue.amend(reference, {
      appendHistory: [
        {
          at: parts.clock().toISOString(),
          by: activity.from.id,
          from: file.status,
          to: file.status,
          kind: 'documentAdded',
          documentId: document.id,
          ...(document.piece ? { piece: document.piece } : {}),
        },
      ],
    });
    parts.logger.info({ event: 'document_added_to_file' }, 'document');
    const { t } = languageOf(context);
    await parts.alertAdvisors(
      t('documents:advisorAlert', {
        reference,
        userId: displayUserId(activity.from.id),
        piece: t(`documents:piece.${document.piece ?? 'other'}`),
      }),
    );
  };
}
