/** The applicant's e-mails (SMTP_URL, MAIL_FROM): both set, mail is on; both empty, it is off and never mentioned. */
export interface MailConfig {
  /** smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the first byte); may hold a password. */
  url: string;
  /** The sender, `adresse@cci.fr` or `CCI Alès-Cévennes <adresse@cci.fr>`. */
  from: string;
}

const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** `smtps://***@host:465`: what a message may show of SMTP_URL (never who signs in, nor the password). */
export function shownSmtpUrl(raw: string): string {
  // Everything between the scheme and the last @ may be credentials, whether or not it parses as a URL.
  return raw.replace(/^([a-z][a-z0-9+.-]*:(?:\/\/)?)?.*@/i, '$1***@');
}

/** Undefined when mail is off; problems are pushed with the variable's name, the password never shown. */
export function readMail(text: (name: string) => string, problems: string[]): MailConfig | undefined {
  const url = text('SMTP_URL');
  const from = text('MAIL_FROM');
  if (url === '' && from === '') return undefined;
  if (url === '') {
    problems.push(
      'MAIL_FROM is set but SMTP_URL is empty: give both (the applicants’ e-mails are on) or neither',
    );
    return undefined;
  }
  if (from === '') {
    problems.push(
      'SMTP_URL is set but MAIL_FROM is empty: give both (the applicants’ e-mails are on) or neither',
    );
    return undefined;
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['smtp:', 'smtps:'].includes(parsed.protocol) || parsed.hostname === '') {
    problems.push(
      `SMTP_URL="${shownSmtpUrl(url)}": expected smtp://host:587 or smtps://host:465, with user:password@ when the server needs them`,
    );
    return undefined;
  }
  const address = from.match(/<([^<>]+)>\s*$/)?.[1] ?? from;
  if (!ADDRESS.test(address.trim())) {
    problems.push(
      `MAIL_FROM="${from}": expected an address, e.g. alize@cci-ales-cevennes.fr or "CCI <alize@…>"`,
    );
    return undefined;
  }
  return { url, from };
}
