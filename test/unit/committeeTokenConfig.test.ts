import { ConfigError, loadConfig } from '../../bot/config.js';

const STRONG = '3f9c1a7be04d52e8a6c1907fd2b4e85c';

function problemsOf(token: string): string[] {
  try {
    loadConfig({ COMMITTEE_TOKEN: token });
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(ConfigError);
    return (thrown as ConfigError).problems;
  }
  return [];
}

describe('COMMITTEE_TOKEN', () => {
  test('unset or blank: the committee API is off', () => {
    expect(loadConfig({}).committeeToken).toBeUndefined();
    expect(loadConfig({ COMMITTEE_TOKEN: '   ' }).committeeToken).toBeUndefined();
  });

  test('32 random characters or more: read as is, spaces around trimmed', () => {
    expect(loadConfig({ COMMITTEE_TOKEN: ` ${STRONG} ` }).committeeToken).toBe(STRONG);
  });

  test.each([
    ['16 × "a"', 'a'.repeat(16), /^COMMITTEE_TOKEN is too short \(16 characters\): use at least 32/],
    ['31 random characters', STRONG.slice(0, 31), /^COMMITTEE_TOKEN is too short \(31 characters\)/],
    ['32 × "a"', 'a'.repeat(32), /^COMMITTEE_TOKEN is too easy to guess/],
    ['a short piece repeated', 'abc123'.repeat(6), /^COMMITTEE_TOKEN is too easy to guess/],
    [
      'a run of the alphabet',
      'abcdefghijklmnopqrstuvwxyz0123456789',
      /^COMMITTEE_TOKEN is too easy to guess/,
    ],
    [
      'few different characters',
      'abababababbabababaabababbbaabbaaba',
      /^COMMITTEE_TOKEN is too easy to guess/,
    ],
    [
      'a space inside',
      `${STRONG.slice(0, 16)} ${STRONG.slice(16)}`,
      /^COMMITTEE_TOKEN must be at most 512 characters, without spaces/,
    ],
    ['513 characters', STRONG.repeat(17).slice(0, 513), /^COMMITTEE_TOKEN must be at most 512 characters/],
  ])('%s: refused at start-up, without echoing the secret', (_label, token, message) => {
    const problems = problemsOf(token);
    expect(problems).toEqual([expect.stringMatching(message)]);
    expect(problems[0]).not.toContain(token);
  });
});
