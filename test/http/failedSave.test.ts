import fs from 'node:fs';
import type { RunningApp } from '../../bot/app.js';
import { fr } from '../support/botHarness.js';
import { HttpConversation, startTestServer, tempDataDir, texts } from '../support/httpBot.js';
import { makeReadOnly } from '../support/readOnlyFolder.js';

describe('a data folder that cannot be written', () => {
  let dataDir: string;
  let app: RunningApp;
  let undo: (() => void) | undefined;

  beforeEach(async () => {
    dataDir = tempDataDir('alize-readonly-');
    app = await startTestServer(dataDir);
  });
  afterEach(async () => {
    undo?.();
    undo = undefined;
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the answer is not shown as accepted: the user is told, and the same answer works once it is fixed', async () => {
    const owner = new HttpConversation(app.url);
    await owner.say(fr.t('common:menu.apply'));
    await owner.say('Développement');

    undo = makeReadOnly(dataDir);
    const refused = texts(await owner.say('Cévennes Plasturgie')).join('\n');
    expect(refused).toContain(fr.t('reliability:turn.notSaved'));
    expect(refused).not.toContain(fr.t('application:question.company.siret'));

    undo();
    undo = undefined;
    const accepted = texts(await owner.say('Cévennes Plasturgie')).join('\n');
    expect(accepted).toContain(fr.t('application:question.company.siret'));
  });

  test('/healthz answers 503 while the data folder is read-only, ok again after', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    undo = makeReadOnly(dataDir);
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'storage_unwritable' });
    undo();
    undo = undefined;
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
