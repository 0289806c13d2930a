import fs from 'node:fs';
import { displayUserId } from '../../storage/displayUserId.js';
import type { RunningApp } from '../../bot/app.js';
import { applicationToRecord } from '../../storage/applicationView.js';
import { createStores } from '../../storage/createStores.js';
import type { AzureBackendConfig } from '../../storage/storageBackend.js';
import { EXPECTED_FILE, SUBMIT, walkApplication, walkEligibility } from '../support/applicationWalk.js';
import { azureBackend, azureEnv, startAzurite, type RunningAzurite } from '../support/azurite.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';

describe('a full application over HTTP with STORAGE=azure (Azurite)', () => {
  let azurite: RunningAzurite;
  let backend: AzureBackendConfig;
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    azurite = await startAzurite();
    backend = azureBackend(azurite);
    dataDir = tempDataDir();
    app = await startTestServer(dataDir, azureEnv(backend));
  });
  afterAll(async () => {
    await app?.close();
    await azurite?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('an eligible SME completes its file; a double click makes one file; the committee sees every value right', async () => {
    const owner = new HttpConversation(app.url);
    expect(await walkEligibility(owner)).toContain(fr.t('eligibility:verdict.OK'));
    const recap = await walkApplication(owner);
    expect(recap[0]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');

    const [first, second] = await Promise.all([owner.post(SUBMIT), owner.post(SUBMIT)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const confirmations = [...texts(first.replies), ...texts(second.replies)].join('\n');
    expect(confirmations).toContain('ALZ-2026-0001');
    expect(confirmations).not.toContain('ALZ-2026-0002');

    // Read back as the committee's tools do, through a store of their own on the same account.
    const files = await createStores({ dataDir, backend }).queue.list();
    expect(files.map(applicationToRecord)).toEqual([
      expect.objectContaining({
        reference: 'ALZ-2026-0001',
        userId: displayUserId(owner.userId),
        ...EXPECTED_FILE,
      }),
    ]);
    // Nothing of the conversation went to the local folder: the instance keeps no state of its own.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
