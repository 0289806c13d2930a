import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import {
  AuthenticationConstants,
  ManagedIdentityAppCredentials,
  MicrosoftAppCredentials,
} from 'botframework-connector';
import { botFrameworkSettings } from '../../bot/adapter.js';
import { loadConfig } from '../../bot/config.js';

const APP_ID = '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87';
const TENANT = '5a0c4f1e-2b7d-4c1e-9a55-3f0e2d6c1b0a';

/** The credentials botbuilder would use to reply, built from the configured identity (no token is asked for). */
async function replyCredentials(env: Record<string, string>) {
  const factory = new ConfigurationServiceClientCredentialFactory(botFrameworkSettings(loadConfig(env).auth));
  return factory.createCredentials(
    APP_ID,
    AuthenticationConstants.ToChannelFromBotOAuthScope,
    AuthenticationConstants.ToChannelFromBotLoginUrl,
    true,
  );
}

describe('the Azure Bot identity reaches botbuilder', () => {
  test('SingleTenant: the bot gets its tokens from the CCI tenant, with its password', async () => {
    const credentials = await replyCredentials({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: TENANT,
    });
    expect(credentials).toBeInstanceOf(MicrosoftAppCredentials);
    expect((credentials as MicrosoftAppCredentials).oAuthEndpoint).toBe(
      `https://login.microsoftonline.com/${TENANT}`,
    );
    expect((credentials as MicrosoftAppCredentials).appPassword).toBe('not-a-real-secret');
  });

  test('MultiTenant: an existing registration keeps the shared botframework.com tenant', async () => {
    const credentials = await replyCredentials({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
    });
    expect((credentials as MicrosoftAppCredentials).oAuthEndpoint).toBe(
      'https://login.microsoftonline.com/botframework.com',
    );
  });

  test('UserAssignedMSI: the managed identity gets the tokens, no password is involved', async () => {
    const credentials = await replyCredentials({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
    });
    expect(credentials).toBeInstanceOf(ManagedIdentityAppCredentials);
    expect((credentials as ManagedIdentityAppCredentials).appId).toBe(APP_ID);
  });

  test('without MicrosoftAppId, authentication is off whatever the type', async () => {
    for (const type of ['SingleTenant', 'UserAssignedMSI']) {
      const factory = new ConfigurationServiceClientCredentialFactory(
        botFrameworkSettings(loadConfig({ MicrosoftAppType: type }).auth),
      );
      expect(await factory.isAuthenticationDisabled()).toBe(true);
    }
  });
});
