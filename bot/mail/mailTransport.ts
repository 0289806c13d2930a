import nodemailer from 'nodemailer';
import type { MailConfig } from './mailConfig.js';

/** One e-mail as the receipts compose it (committee/receipts/). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox entry: a mail sent again after a crash mid-send carries the same id (clients merge them). */
  messageId: string;
  language: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Sends one e-mail; throws when the SMTP server did not accept it (it is then tried again later). */
export type MailSender = (mail: OutgoingMail) => Promise<void>;

/** nodemailer over SMTP_URL; a server down or slow fails within seconds, never holding a turn. */
export function createMailSender(config: MailConfig): MailSender {
  const url = new URL(config.url);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport(
    {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from: config.from },
  );
  return async (mail) => {
    await transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.language },
      ...(mail.attachments ? { attachments: mail.attachments } : {}),
    });
  };
}
