import fs from 'node:fs';
import { Writable } from 'node:stream';
import type { RunningApp } from '../../bot/app.js';
import { createLogger } from '../../bot/logger.js';
import type { ProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';
import { createLowdbContactRequestStore } from '../../storage/contactRequests.js';
import { displayUserId } from '../../storage/displayUserId.js';
import { fr, settings } from '../support/botHarness.js';
import { startConnectorCapture } from '../support/connectorCapture.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

/** Thursday 26 November 2026 at 10:00 in Alès: inside the office hours, so a request is a handoff. */
const OFFICE_HOURS = new Date('2026-11-26T10:00:00+01:00');
const ADVISORS_CHANNEL = '19:cci-advisors@thread.tacv2';
const REASON = 'Je voudrais savoir si mon projet de reprise peut être aidé.';

/** The callback and handoff requests as the advisor mode and the CLI read them. */
const requestsIn = (dataDir: string) => createLowdbContactRequestStore(dataDir).list();

/** Log lines as the CCI would read them. */
function capturedLog() {
  const events: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) events.push(JSON.parse(line));
      done();
    },
  });
  return { events, logger: createLogger('info', sink) };
}

/** The real server, whose advisor alert goes to `serviceUrl` (the advisors' Teams channel in production). */
async function serverAlertingAt(serviceUrl: string | null) {
  const dataDir = tempDataDir('alize-advisor-alert-');
  const log = capturedLog();
  const advisorsHandoff: ProgrammeSettings['advisorsHandoff'] =
    serviceUrl === null ? null : { channelId: 'msteams', conversationId: ADVISORS_CHANNEL, serviceUrl };
  const app = await startTestServer(
    dataDir,
    {},
    { settings: { ...settings, advisorsHandoff }, clock: () => OFFICE_HOURS, logger: log.logger },
  );
  return { app, dataDir, ...log };
}

/** A visitor asks for an advisor and says why: the handoff of the contact dialog. */
async function askForAdvisor(app: RunningApp) {
  const visitor = new HttpConversation(app.url);
  expect(texts(await visitor.say(fr.t('common:menu.advisor'))).join('\n')).toContain(
    fr.t('contact:open.askReason'),
  );
  const replies = texts(await visitor.say(REASON)).join('\n');
  return { visitor, replies };
}

describe("the advisors' alert, through the Bot Framework connector of their channel", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  test("a handoff posts one message into the advisors' conversation, with who, where and why", async () => {
    const connector = await startConnectorCapture();
    const { app, dataDir, events } = await serverAlertingAt(connector.url);
    cleanups.push(
      connector.close,
      () => app.close(),
      () => fs.rmSync(dataDir, { recursive: true, force: true }),
    );

    const { visitor, replies } = await askForAdvisor(app);

    expect(replies).toContain(fr.t('contact:open.queued'));
    expect(connector.received).toHaveLength(1);
    const [alert] = connector.received;
    expect(alert.conversationId).toBe(ADVISORS_CHANNEL);
    expect(alert.activity.type).toBe('message');
    expect(alert.activity.text).toBe(
      fr.t('contact:advisorAlert', {
        userId: displayUserId(visitor.userId),
        channelId: 'emulator',
        reason: REASON,
        summary: fr.t('contact:summary.none'),
      }),
    );
    // The channel's own id of the visitor (a web visitor's secret) is not posted to the advisors.
    expect(alert.activity.text).not.toContain(visitor.userId);
    expect(events.map((event) => event.event)).toContain('handoff_alerted');
    // And the request is listed for the advisor mode and the CLI.
    expect(await requestsIn(dataDir)).toMatchObject([{ kind: 'handoff', reason: REASON }]);
  });

  test('a connector that refuses the alert changes nothing for the visitor; the log says so, without the reason', async () => {
    const refusing = await startConnectorCapture({ status: 403 });
    const { app, dataDir, events } = await serverAlertingAt(refusing.url);
    cleanups.push(
      refusing.close,
      () => app.close(),
      () => fs.rmSync(dataDir, { recursive: true, force: true }),
    );

    const { replies } = await askForAdvisor(app);

    expect(replies).toContain(fr.t('contact:open.queued'));
    // Tried (botbuilder retries some statuses itself), and refused.
    expect(refusing.received.length).toBeGreaterThanOrEqual(1);
    expect(events.find((event) => event.event === 'handoff_alert_failed')).toMatchObject({ httpStatus: 403 });
    expect(JSON.stringify(events)).not.toContain(REASON);
    expect(await requestsIn(dataDir)).toHaveLength(1);
  });

  test('without an advisors conversation in the settings, nothing is posted and the request is still stored', async () => {
    const connector = await startConnectorCapture();
    const { app, dataDir, events } = await serverAlertingAt(null);
    cleanups.push(
      connector.close,
      () => app.close(),
      () => fs.rmSync(dataDir, { recursive: true, force: true }),
    );

    const { replies } = await askForAdvisor(app);

    expect(replies).toContain(fr.t('contact:open.queued'));
    expect(connector.received).toEqual([]);
    expect(events.map((event) => event.event)).toContain('handoff_stored');
    expect(await requestsIn(dataDir)).toMatchObject([{ kind: 'handoff', reason: REASON }]);
  });
});
