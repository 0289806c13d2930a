import { ConfigError, loadConfig } from '../../bot/config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (thrown) {
    return (thrown as ConfigError).problems;
  }
  return [];
};

describe('TRUSTED_PROXIES', () => {
  test('empty by default: nobody forwards addresses', () => {
    expect(loadConfig({}).rateLimits.trustedProxies).toEqual([]);
  });

  test('addresses and CIDR ranges, IPv4 and IPv6, separated by commas or spaces', () => {
    expect(
      loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1 fd00::/8' }).rateLimits.trustedProxies,
    ).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
  });

  test.each(['proxy.local', '10.0.0.0/33', '10.0.0.1/8/2'])('"%s" is refused at start-up', (entry) => {
    expect(problemsOf({ TRUSTED_PROXIES: entry })).toEqual([expect.stringContaining(`"${entry}"`)]);
  });

  test('the old RATE_LIMIT_TRUST_PROXY=true, which believed anyone, says what replaces it', () => {
    expect(problemsOf({ RATE_LIMIT_TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(/^RATE_LIMIT_TRUST_PROXY is replaced by TRUSTED_PROXIES/),
    ]);
  });
});
