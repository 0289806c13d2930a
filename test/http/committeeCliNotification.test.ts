import { ApplicantOutbox } from '../../storage/applicantOutbox.js';
import { fr } from '../support/botHarness.js';
import { runCommitteeCli } from '../support/committeeApiClient.js';
import { startConnectorCapture } from '../support/connectorCapture.js';
import { submitFromChannel } from '../support/applicationWalk.js';
import { HttpConversation, texts } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

/** Waits for something the server does on its own (here, a round of the outbox), up to a generous bound. */
async function eventually<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describe('a status changed from the committee CLI reaches the applicant while the server runs', () => {
  const server = serverForSuite({ overrides: { outboxPollMs: 100 } });
  let connector: Awaited<ReturnType<typeof startConnectorCapture>>;
  beforeAll(async () => {
    connector = await startConnectorCapture();
  });
  afterAll(() => connector.close());

  test('the CLI leaves the notice in the outbox and the server sends it to the applicant’s conversation', async () => {
    const owner = new HttpConversation(server.url);
    const submitted = await submitFromChannel(owner, connector.url);
    expect(texts(submitted).join('\n')).toContain('ALZ-2026-0001');
    const before = connector.received.length;

    const cli = await runCommitteeCli(
      ['status', 'ALZ-2026-0001', 'in_review', '--by', 'Comité', '--comment', 'Lecture en cours'],
      server.dataDir,
      server.dataDir,
    );
    expect(cli.code).toBe(0);

    const notice = await eventually(() => connector.received[before], 'the applicant is told');
    expect(notice.conversationId).toBe(owner.conversationId);
    expect(notice.activity.text ?? '').toContain(
      fr.t('status:notify.intro', { reference: 'ALZ-2026-0001', label: fr.t('status:label.in_review') }),
    );
    expect(notice.activity.text ?? '').toContain('Lecture en cours');
    // Taken out of the outbox once the channel accepted it (just after): nothing is left to send a second time.
    const outbox = new ApplicantOutbox(server.app.storage);
    let left = await outbox.list();
    for (let waited = 0; left.length > 0 && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = await outbox.list();
    }
    expect(left).toEqual([]);
    expect(connector.received).toHaveLength(before + 1);
  });

  test('an illegal move from the CLI is refused and nothing is left for the applicant', async () => {
    const cli = await runCommitteeCli(
      ['status', 'ALZ-2026-0001', 'received', '--by', 'Comité'],
      server.dataDir,
      server.dataDir,
    );
    expect(cli.code).not.toBe(0);
    expect(await new ApplicantOutbox(server.app.storage).list()).toEqual([]);
  });
});
