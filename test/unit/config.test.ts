import path from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config.js';
import { Localizer } from '../../bot/i18n.js';
import { problemsOf } from '../support/configProblems.js';

const APP_ID = '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87';
const TENANT = '5a0c4f1e-2b7d-4c1e-9a55-3f0e2d6c1b0a';
const localizer = new Localizer();
const fr = localizer.language('fr');
const en = localizer.language('en');

describe('configuration from the environment', () => {
  test('defaults need nothing set', () => {
    const config = loadConfig({}, '/srv/alize');
    expect(config.port).toBe(3978);
    expect(config.dataDir).toBe(path.resolve('/srv/alize/data'));
    expect(config.programmeFile).toBe(path.resolve('/srv/alize/programme/alize.settings.json'));
    expect(config.auth.appId).toBe('');
    expect(config.logLevel).toBe('info');
  });

  test('values are read and paths resolved against the working directory', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: 'var/alize', LOG_LEVEL: 'DEBUG' }, '/srv/alize');
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(path.resolve('/srv/alize/var/alize'));
    expect(config.logLevel).toBe('debug');
  });

  test('every bad value is reported at once, each with a clear message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'huit', LOG_LEVEL: 'loud', MicrosoftAppType: 'Other', MAX_BODY_BYTES: '-1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^PORT="huit": expected a whole number between 0 and 65535$/);
    expect((error as ConfigError).message).toContain('LOG_LEVEL="loud": expected one of fatal, error');
  });

  test.each([
    [{ MicrosoftAppId: 'not-a-guid', MicrosoftAppPassword: 'x' }, /MicrosoftAppId="not-a-guid"/],
    [{ MicrosoftAppId: '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87' }, /MicrosoftAppPassword is required/],
    [{ MicrosoftAppPassword: 'secret' }, /MicrosoftAppId is empty/],
    [
      {
        MicrosoftAppId: '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87',
        MicrosoftAppPassword: 'x',
        MicrosoftAppType: 'SingleTenant',
      },
      /MicrosoftAppTenantId is required/,
    ],
  ])('Azure Bot identity %#: %p is refused', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  test('a complete Azure Bot identity is accepted', () => {
    const config = loadConfig({
      MicrosoftAppId: '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'singletenant',
      MicrosoftAppTenantId: 'contoso.onmicrosoft.com',
    });
    expect(config.auth).toEqual({
      appId: '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87',
      appPassword: 'secret',
      appType: 'SingleTenant',
      tenantId: 'contoso.onmicrosoft.com',
      openIdMetadataUrl: '',
    });
  });
});

describe('MicrosoftAppType and MicrosoftAppTenantId', () => {
  const tenantRequired = (appType: string) => [
    expect.stringContaining(fr.t('startup:botIdentity.tenantRequired', { appType })),
  ];

  test('SingleTenant is the default, and then the tenant id is required, in French and in English', () => {
    const problems = problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' });
    expect(problems).toEqual(tenantRequired('SingleTenant'));
    expect(problems[0]).toContain(en.t('startup:botIdentity.tenantRequired', { appType: 'SingleTenant' }));
    expect(loadConfig({}).auth.appType).toBe('SingleTenant');
  });

  test('a single-tenant registration with its tenant id starts', () => {
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: TENANT,
    });
    expect(config.auth).toMatchObject({ appType: 'SingleTenant', tenantId: TENANT });
  });

  test('an existing multi-tenant registration still starts with its password alone', () => {
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'MultiTenant',
    });
    expect(config.auth).toMatchObject({ appType: 'MultiTenant', tenantId: '' });
  });

  test('UserAssignedMSI needs no password but requires the tenant id', () => {
    expect(problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI' })).toEqual(
      tenantRequired('UserAssignedMSI'),
    );
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'userassignedmsi',
      MicrosoftAppTenantId: TENANT,
    });
    expect(config.auth).toMatchObject({ appType: 'UserAssignedMSI', appPassword: '', tenantId: TENANT });
  });

  test('UserAssignedMSI with a password is refused: a managed identity has none', () => {
    expect(
      problemsOf({
        MicrosoftAppId: APP_ID,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: TENANT,
        MicrosoftAppPassword: 'left-over-secret',
      }),
    ).toEqual([expect.stringContaining(fr.t('startup:botIdentity.msiPassword'))]);
  });

  test('without MicrosoftAppId (local use) no tenant id is asked, whatever the type', () => {
    for (const type of ['SingleTenant', 'UserAssignedMSI', 'MultiTenant']) {
      expect(problemsOf({ MicrosoftAppType: type })).toEqual([]);
    }
  });
});
