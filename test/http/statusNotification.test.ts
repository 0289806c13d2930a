import path from 'node:path';
import { DocumentIntake } from '../../storage/documentIntake.js';
import { LowdbDocumentStore } from '../../storage/lowdbDocumentStore.js';
import { samplePdf } from '../contract/documentStoreContract.js';
import { fr } from '../support/botHarness.js';
import { startConnectorCapture } from '../support/connectorCapture.js';
import { submitFromChannel } from '../support/applicationWalk.js';
import { HttpConversation, texts } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';

const TOKEN = 'committee-token-for-tests-5e0b7c3a91d4f862';

describe('the committee changes a status through the API and the applicant is told', () => {
  const server = serverForSuite({ env: { COMMITTEE_TOKEN: TOKEN } });
  let connector: Awaited<ReturnType<typeof startConnectorCapture>>;
  beforeAll(async () => {
    connector = await startConnectorCapture();
  });
  afterAll(() => connector.close());

  test('moving a file to incomplete sends the applicant what is missing, in their conversation', async () => {
    const owner = new HttpConversation(server.url);
    // The channel's serviceUrl is kept with the file: the notification goes back there.
    const submitted = await submitFromChannel(owner, connector.url);
    expect(texts(submitted).join('\n')).toContain('ALZ-2026-0001');

    const patch = async (status: string, comment: string) =>
      fetch(`${server.url}/api/applications/ALZ-2026-0001`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status, comment, by: 'comité' }),
      });
    // A RIB already joined the file (sent in the chat): the notice asks only for the other pieces.
    const documents = new LowdbDocumentStore(path.join(server.dataDir, 'documents'));
    const intake = new DocumentIntake(documents, { limits: { maxBytes: 1024 * 1024, maxCount: 20 } });
    expect(
      (await intake.add('ALZ-2026-0001', { name: 'rib.pdf', bytes: samplePdf('rib'), piece: 'rib' })).outcome,
    ).toBe('stored');
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
    // To be sent here, in the chat, not to an advisor by other means.
    expect(last).toContain(fr.t('status:notify.sendMissingHere'));
    expect(last).not.toContain(fr.t('applicationFlow:documents.rib'));
  });
});
