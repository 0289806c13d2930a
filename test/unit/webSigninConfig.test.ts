import { loadConfig } from '../../bot/config.js';
import { problemsOf } from '../support/configProblems.js';

const TENANT = '7a1c0e55-3d2b-4c8e-9f10-a11ce0cc1000';

describe('advisor web sign-in configuration', () => {
  test('off by default: no sign-in, no group', () => {
    const config = loadConfig({}, '/srv/alize');
    expect(config.webSignin).toBeUndefined();
    expect(config.advisorGroupId).toBeUndefined();
  });

  test("the issuer defaults to the tenant's Entra ID v2.0 endpoint; sessions last 8 hours", () => {
    const config = loadConfig(
      { MicrosoftAppTenantId: TENANT, ADVISOR_OIDC_CLIENT_ID: 'c1', ADVISOR_OIDC_CLIENT_SECRET: 's' },
      '/srv/alize',
    );
    expect(config.webSignin).toEqual({
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      clientId: 'c1',
      clientSecret: 's',
      tenantId: TENANT,
      sessionHours: 8,
    });
  });

  test.each([
    [{ ADVISOR_OIDC_CLIENT_ID: 'c1' }, /needs the Entra tenant/],
    [
      { ADVISOR_OIDC_ISSUER: 'https://login.example/' },
      /ADVISOR_OIDC_ISSUER set but ADVISOR_OIDC_CLIENT_ID is empty/,
    ],
    [
      { ADVISOR_OIDC_CLIENT_ID: 'c1', ADVISOR_OIDC_ISSUER: 'http://login.example/v2.0' },
      /ADVISOR_OIDC_ISSUER=.*expected an https:\/\/ URL/,
    ],
    [
      {
        MicrosoftAppTenantId: TENANT,
        ADVISOR_OIDC_CLIENT_ID: 'c1',
        ADVISOR_OIDC_REDIRECT_URL: 'https://alize.example/callback',
      },
      /its path must be \/auth\/callback/,
    ],
    [
      { MicrosoftAppTenantId: TENANT, ADVISOR_OIDC_CLIENT_ID: 'c1', ADVISOR_SESSION_HOURS: '72' },
      /between 1 and 24/,
    ],
    [
      { MicrosoftAppTenantId: 'contoso', ADVISOR_OIDC_CLIENT_ID: 'c1' },
      /MicrosoftAppTenantId="contoso": expected the GUID/,
    ],
    [{ ADVISOR_GROUP_ID: 'conseillers' }, /ADVISOR_GROUP_ID="conseillers": expected the object id/],
  ])('%j is refused with a clear message', (env, message) => {
    expect(problemsOf(env as Record<string, string>).join('\n')).toMatch(message);
  });

  test('a local provider on loopback may use plain HTTP', () => {
    const config = loadConfig(
      {
        ADVISOR_OIDC_CLIENT_ID: 'c1',
        ADVISOR_OIDC_ISSUER: 'http://127.0.0.1:4000',
        ADVISOR_OIDC_REDIRECT_URL: 'http://localhost:3978/auth/callback',
        ADVISOR_GROUP_ID: '0d5e9c11-2222-4b33-8c44-5566778899aa',
      },
      '/srv/alize',
    );
    expect(config.webSignin?.issuer).toBe('http://127.0.0.1:4000');
    expect(config.webSignin?.redirectUrl).toBe('http://localhost:3978/auth/callback');
    expect(config.advisorGroupId).toBe('0d5e9c11-2222-4b33-8c44-5566778899aa');
  });
});
