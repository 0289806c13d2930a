import path from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config.js';

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
