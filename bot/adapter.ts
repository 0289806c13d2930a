import {
  CallerIdConstants,
  CloudAdapter,
  type ConversationState,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type ServiceClientCredentialsFactory } from 'botframework-connector';
import { CachedConnectorsAuthentication } from './cachedConnectors.js';
import type { BotAuthConfig } from './config.js';
import type { Localizer } from './i18n.js';
import { LocaleMiddleware } from './localeMiddleware.js';
import type { Logger } from './logger.js';
import { PlainTextMiddleware } from './plainTextMiddleware.js';
import { SharedWelcome } from './sharedWelcome.js';
import { TeamsMiddleware } from './teamsMiddleware.js';

/**
 * botframework-connector's own settings for where the channel's signing keys are published. Setting one of
 * them makes the SDK take every endpoint from the settings, so the public cloud's values come along.
 */
function channelKeySettings(openIdMetadataUrl: string): Record<string, string> {
  if (openIdMetadataUrl === '') return {};
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * What ConfigurationBotFrameworkAuthentication reads (MicrosoftAppType, MicrosoftAppTenantId among them). Without
 * MicrosoftAppId there is no identity to check: botbuilder then needs the MultiTenant type, which asks for nothing.
 */
export function botFrameworkSettings(auth: BotAuthConfig): Record<string, string> {
  const local = auth.appId === '';
  return {
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.appType === 'UserAssignedMSI' ? '' : auth.appPassword,
    MicrosoftAppType: local ? 'MultiTenant' : auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
    ...channelKeySettings(auth.openIdMetadataUrl),
  };
}

/**
 * CloudAdapter for the configured Azure Bot identity. With no MicrosoftAppId, authentication is disabled and
 * local unauthenticated traffic (Emulator, terminal client, tests) is accepted; with one, every request must
 * carry a valid Bot Framework JWT.
 */
export function createAdapter(
  auth: BotAuthConfig,
  localizer: Localizer,
  logger: Logger,
  conversationState: ConversationState,
  /** Where Teams channels' welcomes are remembered; without it a channel is welcomed per thread. */
  storage?: Storage,
  /** Where the bot's own tokens come from; default: Entra ID, from MicrosoftAppId and its secret or identity. */
  credentials?: ServiceClientCredentialsFactory,
): CloudAdapter {
  const adapter = new CloudAdapter(
    new CachedConnectorsAuthentication(botFrameworkSettings(auth), credentials),
  );
  adapter.use(new LocaleMiddleware(localizer));
  adapter.use(new TeamsMiddleware(storage ? new SharedWelcome(storage) : undefined));
  adapter.use(new PlainTextMiddleware());

  // Last resort for errors the bot did not handle itself: apologise, clear the conversation's dialog stack so
  // the user is not stuck, and never throw (a throw here would become a 500). Only the stack: the rest of
  // the conversation (greeting, callback answers) stays. An invoke never moved the stack: nothing is reset.
  const dialogState = conversationState.createProperty('dialogState');
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: error, event: 'turn_error', conversationId: context.activity.conversation?.id },
      'unhandled turn error',
    );
    if (context.activity.type === 'invoke') return;
    try {
      await dialogState.delete(context);
      await conversationState.saveChanges(context, true);
    } catch (stateError) {
      logger.error({ err: stateError, event: 'turn_error_state' }, 'could not reset conversation state');
    }
    try {
      await context.sendActivity(localizer.language(context.activity.locale).t('common:error.apology'));
    } catch (sendError) {
      logger.error({ err: sendError, event: 'turn_error_send' }, 'could not send the apology');
    }
  };
  return adapter;
}
