import fs from 'node:fs';
import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logger.js';
import { runCommitteeCli } from '../support/committeeApiClient.js';
import { applicantPdfName } from '../../committee/receipts/applicantPdf.js';
import type { RunningApp } from '../../bot/app.js';
import { nextCommitteeDate } from '../../dialogs/domain/eligibilityVerdict.js';
import { statusChangeMessage } from '../../dialogs/statusMessages.js';
import { MailOutbox } from '../../storage/mailOutbox.js';
import { fr, settings, TEST_NOW } from '../support/botHarness.js';
import { startConnectorCapture } from '../support/connectorCapture.js';
import { submitFromChannel } from '../support/applicationWalk.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';
import { pdfText } from '../support/pdfText.js';
import { closedPort, startSmtpServer, type LocalSmtpServer } from '../support/smtpServer.js';

const TOKEN = 'committee-token-for-tests-7c1e5a9d30b4f286';
const MAIL_FROM = 'AliZé <alize@cci-ales-cevennes.fr>';
const CONTACT = 'marie.dupont@exemple.fr';

/** A server with mail on (SMTP_URL to the given server), a clock the test moves, and its log lines. */
async function serverWithMail(
  smtpUrl: string,
  clock: { now: Date },
): Promise<{ app: RunningApp; dataDir: string; logs: string[] }> {
  const dataDir = tempDataDir('alize-mail-');
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = await startTestServer(
    dataDir,
    { SMTP_URL: smtpUrl, MAIL_FROM, COMMITTEE_TOKEN: TOKEN },
    { clock: () => clock.now, outboxPollMs: 3_600_000, logger: createLogger('info', sink) },
  );
  return { app, dataDir, logs };
}

const patchStatus = (app: RunningApp, reference: string, status: string, comment: string) =>
  fetch(`${app.url}/api/applications/${reference}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status, comment, by: 'comité' }),
  });

describe('the applicant gets their receipts by e-mail', () => {
  let smtp: LocalSmtpServer;
  let connector: Awaited<ReturnType<typeof startConnectorCapture>>;
  let server: Awaited<ReturnType<typeof serverWithMail>>;
  const clock = { now: TEST_NOW };
  /** What the owner of ALZ-2026-0001 read when their file was sent (ALZ-2026-0002 is put in the queue as is). */
  const confirmations: string[] = [];
  beforeAll(async () => {
    smtp = await startSmtpServer();
    connector = await startConnectorCapture();
    server = await serverWithMail(smtp.url, clock);
    const conversation = new HttpConversation(server.app.url);
    confirmations.push(texts(await submitFromChannel(conversation, connector.url)).join('\n'));
    // Another company's file, of another owner, for the CLI's change.
    await server.app.queue.submit(
      {
        channel: 'emulator',
        origin: 'applicant',
        userId: 'owner-of-the-second-file',
        eligibility: { verdict: 'OK', reasons: [] },
        data: { 'company.name': 'Cévennes Bois', 'contact.email': 'paul.martin@exemple.fr' },
        now: TEST_NOW,
      },
      'second-draft',
    );
    await server.app.deliverOutbox();
  });
  /** The e-mail of that subject, once the SMTP server has it. */
  const mailWithSubject = async (subject: string) => {
    for (let round = 0; round < 400; round++) {
      const found = smtp.received.find((mail) => mail.subject === subject);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no e-mail « ${subject} »`);
  };
  afterAll(async () => {
    await server.app.close();
    await smtp.close();
    await connector.close();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  test('at submission: a French receipt with the reference, the next committee and the PDF of the file', async () => {
    const submitted = confirmations[0];
    expect(submitted).toContain(fr.t('receipts:submit.mailSent', { email: CONTACT }));
    expect(submitted).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));

    const mail = await mailWithSubject(fr.t('receipts:receipt.subject', { reference: 'ALZ-2026-0001' }));
    expect(mail.envelopeTo).toEqual([CONTACT]);
    expect(mail.from?.text).toContain('alize@cci-ales-cevennes.fr');
    expect(mail.subject).toBe(fr.t('receipts:receipt.subject', { reference: 'ALZ-2026-0001' }));
    const body = mail.text ?? '';
    expect(body).toContain(fr.t('receipts:mail.greetingNamed', { name: 'Marie Dupont' }));
    expect(body).toContain(
      fr.t('receipts:receipt.received', {
        reference: 'ALZ-2026-0001',
        date: TEST_NOW.toISOString().slice(0, 10),
      }),
    );
    // What happens next, from the programme settings: the same sentence as the chat's.
    const next = fr.t('applicationFlow:submit.nextCommittee', {
      date: nextCommitteeDate(settings, TEST_NOW),
    });
    expect(body).toContain(next);
    expect(submitted).toContain(next);
    expect(body).toContain(fr.t('receipts:receipt.attached'));

    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [applicantPdfName('ALZ-2026-0001'), 'application/pdf'],
    ]);
    expect((await pdfText(mail.attachments[0].content)).text).toContain('ALZ-2026-0001');
    // Nothing waits any more: the receipt left the outbox once sent.
    await server.app.deliverOutbox();
    expect(await new MailOutbox(server.app.storage).list()).toEqual([]);
    // The log says « receipt sent » with the reference, never the address.
    const sent = server.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(sent.filter((line) => line.event === 'receipt_sent').map((line) => line.reference)).toEqual([
      'ALZ-2026-0001',
    ]);
    expect(server.logs.join('\n')).not.toContain(CONTACT);
  });

  test('a status change from the committee API sends the chat’s message by e-mail too', async () => {
    expect(
      (await patchStatus(server.app, 'ALZ-2026-0001', 'in_review', 'Nous lisons votre dossier.')).status,
    ).toBe(200);
    await server.app.deliverOutbox();
    const mail = await mailWithSubject(
      fr.t('receipts:status.subject', { reference: 'ALZ-2026-0001', label: fr.t('status:label.in_review') }),
    );
    expect(mail.envelopeTo).toEqual([CONTACT]);
    const application = (await server.app.queue.get('ALZ-2026-0001'))!;
    const change = application.history.at(-1)!;
    // The very words of the chat's notice (same keys), which the conversation received as well.
    const chatWords = statusChangeMessage(fr, application, change, settings);
    expect((mail.text ?? '').replace(/\r\n/g, '\n')).toContain(chatWords);
    expect(connector.received.at(-1)?.activity.text).toBe(chatWords);
    expect(mail.text).toContain('Nous lisons votre dossier.');
    expect(mail.attachments).toEqual([]);
  });

  test('a status change from the committee CLI is e-mailed by the running server', async () => {
    const cli = await runCommitteeCli(
      ['status', 'ALZ-2026-0002', 'in_review', '--by', 'Comité', '--comment', 'Lecture en cours.'],
      server.dataDir,
      server.dataDir,
      { SMTP_URL: smtp.url, MAIL_FROM },
    );
    expect(cli.code).toBe(0);
    await server.app.deliverOutbox();
    const mail = await mailWithSubject(
      fr.t('receipts:status.subject', { reference: 'ALZ-2026-0002', label: fr.t('status:label.in_review') }),
    );
    expect(mail.envelopeTo).toEqual(['paul.martin@exemple.fr']);
    expect(mail.text).toContain(fr.t('status:meaning.in_review'));
    expect(mail.text).toContain('Lecture en cours.');
    expect(server.logs.join('\n')).not.toContain('paul.martin@exemple.fr');
  });
});

describe('an SMTP server down at submission', () => {
  test('the file is sent all the same; the receipt goes once the server is back, and only once', async () => {
    const port = await closedPort();
    const clock = { now: TEST_NOW };
    const server = await serverWithMail(`smtp://127.0.0.1:${port}`, clock);
    let smtp: LocalSmtpServer | undefined;
    try {
      const owner = new HttpConversation(server.app.url);
      const submitted = texts(await submitFromChannel(owner, 'http://127.0.0.1:9')).join('\n');
      expect(submitted).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
      expect((await server.app.queue.get('ALZ-2026-0001'))?.status).toBe('received');
      await server.app.deliverOutbox();
      const waiting = await new MailOutbox(server.app.storage).list();
      expect(waiting.map((entry) => [entry.reference, entry.content.kind, entry.attempts])).toEqual([
        ['ALZ-2026-0001', 'receipt', 1],
      ]);
      // No personal data in the outbox: the address is read from the file when the mail goes.
      expect(JSON.stringify(waiting)).not.toContain(CONTACT);

      smtp = await startSmtpServer(port);
      // Before its back-off, the outbox does not try again; after it, the receipt goes.
      await server.app.deliverOutbox();
      expect(smtp.received).toHaveLength(0);
      clock.now = new Date(TEST_NOW.getTime() + 5 * 60_000);
      await server.app.deliverOutbox();
      await smtp.waitFor(1);
      clock.now = new Date(TEST_NOW.getTime() + 60 * 60_000);
      await server.app.deliverOutbox();
      await server.app.deliverOutbox();
      expect(smtp.received.map((mail) => mail.subject)).toEqual([
        fr.t('receipts:receipt.subject', { reference: 'ALZ-2026-0001' }),
      ]);
    } finally {
      await server.app.close();
      await smtp?.close();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
  });
});

describe('without SMTP settings', () => {
  test('no e-mail is stored or sent, and the bot says nothing about mail', async () => {
    const dataDir = tempDataDir('alize-nomail-');
    const app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN });
    try {
      const owner = new HttpConversation(app.url);
      const submitted = texts(await submitFromChannel(owner, 'http://127.0.0.1:9')).join('\n');
      expect(submitted).toContain(fr.t('applicationFlow:submit.done', { reference: 'ALZ-2026-0001' }));
      expect(submitted).not.toContain(fr.t('receipts:submit.mailSent', { email: CONTACT }));
      expect(submitted).not.toMatch(/e-mail/i);
      expect((await patchStatus(app, 'ALZ-2026-0001', 'in_review', 'Lu.')).status).toBe(200);
      await app.deliverOutbox();
      expect(await new MailOutbox(app.storage).list()).toEqual([]);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('erasure and the mail outbox', () => {
  test('« supprimer mes données » drops the receipt still waiting: it is never sent afterwards', async () => {
    const port = await closedPort();
    const clock = { now: TEST_NOW };
    const server = await serverWithMail(`smtp://127.0.0.1:${port}`, clock);
    let smtp: LocalSmtpServer | undefined;
    try {
      const owner = new HttpConversation(server.app.url);
      await submitFromChannel(owner, 'http://127.0.0.1:9');
      await server.app.deliverOutbox();
      expect(await new MailOutbox(server.app.storage).list()).toHaveLength(1);
      await owner.say('supprimer mes données');
      await owner.say(fr.t('privacy:yes'));
      expect(await new MailOutbox(server.app.storage).list()).toEqual([]);

      smtp = await startSmtpServer(port);
      clock.now = new Date(TEST_NOW.getTime() + 60 * 60_000);
      await server.app.deliverOutbox();
      expect(smtp.received).toHaveLength(0);
    } finally {
      await server.app.close();
      await smtp?.close();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
  });
});
