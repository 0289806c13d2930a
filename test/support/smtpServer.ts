import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface LocalSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  port: number;
  /** Every message accepted so far, parsed (subject, text, attachments), with the envelope's recipients. */
  received: (ParsedMail & { envelopeTo: string[] })[];
  /** Resolves once `count` messages were accepted (the sends are not awaited by the bot's turns). */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (the `smtp-server` library), without TLS nor authentication, that keeps what it
 * is sent: the tests read the e-mails back as an applicant's mail client would.
 */
export async function startSmtpServer(port = 0): Promise<LocalSmtpServer> {
  const received: LocalSmtpServer['received'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    received,
    async waitFor(count) {
      for (let round = 0; received.length < count; round++) {
        if (round > 400) throw new Error(`expected ${count} e-mail(s), received ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nobody listens on (an SMTP server down): taken, then released. */
export async function closedPort(): Promise<number> {
  const smtp = await startSmtpServer();
  await smtp.close();
  return smtp.port;
}
