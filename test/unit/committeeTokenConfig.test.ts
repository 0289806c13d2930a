import { ConfigError, loadConfig } from '../../bot/config.js';

describe('COMMITTEE_TOKEN', () => {
  test('unset or blank: the committee API is off', () => {
    expect(loadConfig({}).committeeToken).toBeUndefined();
    expect(loadConfig({ COMMITTEE_TOKEN: '   ' }).committeeToken).toBeUndefined();
  });

  test('16 characters or more: read as is, spaces around trimmed', () => {
    expect(loadConfig({ COMMITTEE_TOKEN: ' 0123456789abcdef ' }).committeeToken).toBe('0123456789abcdef');
  });

  test.each([
    ['15 characters', '0123456789abcde', /^COMMITTEE_TOKEN is too short \(15 characters\): use at least 16/],
    [
      'a space inside',
      '0123456789 abcdef',
      /^COMMITTEE_TOKEN must be at most 512 characters, without spaces/,
    ],
    ['513 characters', 'a'.repeat(513), /^COMMITTEE_TOKEN must be at most 512 characters/],
  ])('%s: refused at start-up, without echoing the secret', (_label, token, message) => {
    let error: unknown;
    try {
      loadConfig({ COMMITTEE_TOKEN: token });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([expect.stringMatching(message)]);
    expect(problems[0]).not.toContain(token);
  });
});
