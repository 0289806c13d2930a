import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { AdvisorAlert } from '../dialogs/contactAdvisorDialog.js';
import type { ProgrammeSettings } from '../dialogs/domain/programmeSettings.js';
import type { Logger } from './logger.js';
import { failureFields, sendProactive } from './proactiveSend.js';

/**
 * Posts a handoff alert into the advisors' conversation of the settings (`advisorsHandoff`: a Teams channel,
 * say). Without one configured, the request is still stored and listed in the advisor mode and the CLI.
 */
export function createAdvisorAlert(parts: {
  adapter: CloudAdapter;
  botAppId: string;
  settings: ProgrammeSettings;
  logger: Logger;
}): AdvisorAlert {
  return async (text) => {
    const target = parts.settings.advisorsHandoff;
    if (!target) {
      parts.logger.info({ event: 'handoff_stored' }, 'no advisors conversation configured');
      return;
    }
    const reference: Partial<ConversationReference> = {
      channelId: target.channelId,
      serviceUrl: target.serviceUrl,
      conversation: { id: target.conversationId, isGroup: true, conversationType: 'channel', name: '' },
    };
    try {
      await sendProactive(parts.adapter, parts.botAppId, reference, text);
      parts.logger.info({ event: 'handoff_alerted' }, 'advisors alerted');
    } catch (error) {
      parts.logger.warn(
        { event: 'handoff_alert_failed', ...failureFields(error) },
        'advisors could not be alerted',
      );
    }
  };
}
