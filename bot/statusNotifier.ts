import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ProgrammeSettings } from '../dialogs/domain/programmeSettings.js';
import { statusChangeMessage, type StatusChangeListener } from '../dialogs/statusMessages.js';
import type { Localizer } from './i18n.js';
import type { Logger } from './logger.js';
import { failureFields, sendProactive } from './proactiveSend.js';

export type { StatusChangeListener };

/**
 * Tells the applicant, in the conversation where they submitted the file, that its status changed: a
 * proactive message through the adapter (Web Chat visitors get it via the local Direct Line callback).
 */
export function createStatusNotifier(parts: {
  adapter: CloudAdapter;
  botAppId: string;
  localizer: Localizer;
  settings: ProgrammeSettings;
  logger: Logger;
}): StatusChangeListener {
  return async (application, change) => {
    const reference = application.conversationReference as Partial<ConversationReference> | undefined;
    if (!reference?.conversation?.id || !reference.serviceUrl) {
      parts.logger.warn(
        { event: 'notify_skipped', reference: application.reference },
        'no conversation to notify',
      );
      return;
    }
    const language = parts.localizer.language(reference.locale);
    const text = statusChangeMessage(language, application, change, parts.settings);
    try {
      await sendProactive(parts.adapter, parts.botAppId, reference, text);
      parts.logger.info(
        { event: 'notified', reference: application.reference, status: change.to },
        'applicant notified',
      );
    } catch (error) {
      // The status change stands even if the applicant's channel cannot be reached right now.
      parts.logger.warn(
        { event: 'notify_failed', reference: application.reference, ...failureFields(error) },
        'applicant not notified',
      );
    }
  };
}
