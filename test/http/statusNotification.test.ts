import fs from 'node:fs';
import type { RunningApp } from '../../bot/app.js';
import { fr } from '../support/botHarness.js';
import { fillApplication } from '../support/answerBook.js';
import { startConnectorCapture } from '../support/connectorCapture.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

const TOKEN = 'committee-token-for-tests-5e0b7c3a91d4f862';

describe('the committee changes a status through the API and the applicant is told', () => {
  let dataDir: string;
  let app: RunningApp;
  let connector: Awaited<ReturnType<typeof startConnectorCapture>>;

  beforeAll(async () => {
    dataDir = tempDataDir();
    connector = await startConnectorCapture();
    app = await startTestServer(dataDir, { COMMITTEE_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('moving a file to incomplete sends the applicant what is missing, in their conversation', async () => {
    const owner = new HttpConversation(app.url);
    await fillApplication((text) => owner.say(text), await owner.say(fr.t('common:menu.apply')));
    // The channel's serviceUrl is kept with the file: the notification goes back there.
    const submitted = await owner.post({
      type: 'message',
      value: { action: 'submitApplication', entry: 'apply' },
      serviceUrl: connector.url,
    });
    expect(texts(submitted.replies).join('\n')).toContain('ALZ-2026-0001');

    const patch = async (status: string, comment: string) =>
      fetch(`${app.url}/api/applications/ALZ-2026-0001`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status, comment, by: 'comité' }),
      });
    expect((await patch('in_review', 'Dossier en cours de lecture')).status).toBe(200);
    expect((await patch('incomplete', 'Merci d’envoyer votre Kbis.')).status).toBe(200);

    expect(connector.received.map((r) => r.conversationId)).toEqual([
      owner.conversationId,
      owner.conversationId,
    ]);
    const last = connector.received[1].activity.text ?? '';
    expect(last).toContain(
      fr.t('status:notify.intro', { reference: 'ALZ-2026-0001', label: fr.t('status:label.incomplete') }),
    );
    expect(last).toContain(fr.t('status:meaning.incomplete'));
    expect(last).toContain('Merci d’envoyer votre Kbis.');
    expect(last).toContain(fr.t('applicationFlow:documents.kbis'));
  });
});
