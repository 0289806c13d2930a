import { ConfigError, loadConfig } from '../../bot/config.js';
import { hostAllowed } from '../../bot/documents/channelSource.js';

describe('DIRECT_LINE_ATTACHMENT_HOSTS', () => {
  test('empty by default: only the signed serviceUrl is a Direct Line source', () => {
    expect(loadConfig({}, '/srv/alize').documents.directLineHosts).toEqual([]);
  });

  test('host names and *. patterns are read, lower-cased', () => {
    const config = loadConfig(
      { DIRECT_LINE_ATTACHMENT_HOSTS: 'Europe.DirectLine.botframework.com, *.blob.core.windows.net' },
      '/srv/alize',
    );
    expect(config.documents.directLineHosts).toEqual([
      'europe.directline.botframework.com',
      '*.blob.core.windows.net',
    ]);
  });

  test.each(['127.0.0.1', 'http://example.org', '*', 'localhost', 'a b.example.org'])(
    '%s is refused at start-up',
    (entry) => {
      expect(() => loadConfig({ DIRECT_LINE_ATTACHMENT_HOSTS: entry }, '/srv/alize')).toThrow(ConfigError);
    },
  );

  test.each([
    ['europe.directline.botframework.com', true],
    ['EUROPE.directline.botframework.com', true],
    ['directline.botframework.com', false],
    ['alizeuploads.blob.core.windows.net', true],
    ['blob.core.windows.net', false],
    ['blob.core.windows.net.attacker.example', false],
    ['evilblob.core.windows.net', false],
  ])('%s allowed: %s', (host, expected) => {
    expect(hostAllowed(host, ['europe.directline.botframework.com', '*.blob.core.windows.net'])).toBe(
      expected,
    );
  });
});
