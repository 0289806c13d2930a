import { loadConfig } from '../../bot/config.js';
import { problemsOf } from '../support/configProblems.js';

describe('SMTP_URL and MAIL_FROM', () => {
  test('both empty: mail is off, nothing to report', () => {
    expect(problemsOf({})).toEqual([]);
    expect(loadConfig({}, '/srv/alize').mail).toBeUndefined();
  });

  test('both set: mail is on, with smtp:// or smtps://', () => {
    const config = loadConfig(
      { SMTP_URL: 'smtps://alize:s3cret@smtp.example.fr:465', MAIL_FROM: 'AliZé <alize@cci.fr>' },
      '/srv/alize',
    );
    expect(config.mail).toEqual({
      url: 'smtps://alize:s3cret@smtp.example.fr:465',
      from: 'AliZé <alize@cci.fr>',
    });
  });

  test.each([
    [{ SMTP_URL: 'smtp://smtp.example.fr:587' }, 'MAIL_FROM'],
    [{ MAIL_FROM: 'alize@cci.fr' }, 'SMTP_URL'],
  ])('one without the other is a start-up problem naming the missing one (%j)', (env, missing) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${missing} is empty`);
  });

  test('a URL that is not SMTP is refused, without ever showing its password', () => {
    const problems = problemsOf({
      SMTP_URL: 'https://alize:s3cret@smtp.example.fr',
      MAIL_FROM: 'alize@cci.fr',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('SMTP_URL=');
    expect(problems[0]).not.toContain('s3cret');
    const garbled = problemsOf({ SMTP_URL: 'alize:s3cret@smtp', MAIL_FROM: 'alize@cci.fr' });
    expect(garbled.join('\n')).not.toContain('s3cret');
  });

  test('a sender that is not an address is refused', () => {
    expect(problemsOf({ SMTP_URL: 'smtp://smtp.example.fr', MAIL_FROM: 'la CCI' })[0]).toContain(
      'MAIL_FROM=',
    );
  });
});
