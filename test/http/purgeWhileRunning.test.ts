import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fr } from '../support/botHarness.js';
import { HttpConversation } from '../support/httpBot.js';
import { serverForSuite } from '../support/httpServer.js';
import { SETTINGS_FIXTURE } from '../support/programmeFixture.js';

const CLI = fileURLToPath(new URL('../../committee/committeeCli.js', import.meta.url));
const DAY = 24 * 3600 * 1000;

/** `npm run committee -- purge`, run by the committee while the server keeps serving. */
function purge(dataDir: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'purge'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        LANG: 'fr_FR.UTF-8',
        PROGRAMME_FILE: SETTINGS_FIXTURE,
      },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

/** Every bot-state file's text: where the draft's answers would be. */
function stateText(dataDir: string): string {
  const root = path.join(dataDir, 'state');
  if (!fs.existsSync(root)) return '';
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(root, file))
    .filter((file) => fs.statSync(file).isFile())
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
}

describe('committee purge while the server runs', () => {
  // The draft is written "200 days ago" by the server's clock; the CLI judges it on the real one.
  const longAgo = new Date(Date.now() - 200 * DAY);
  const server = serverForSuite({ prefix: 'alize-purge-live-', overrides: { clock: () => longAgo } });

  test("is not undone by the server's cache on the user's next turn", async () => {
    const owner = new HttpConversation(server.url);
    await owner.say(fr.t('common:menu.apply'));
    await owner.say('Développement');
    await owner.say('Cévennes Plasturgie Oubliée');
    expect(stateText(server.dataDir)).toContain('Cévennes Plasturgie Oubliée');

    const purged = await purge(server.dataDir);
    expect(purged.code).toBe(0);
    expect(stateText(server.dataDir)).not.toContain('Cévennes Plasturgie Oubliée');

    // The user comes back: whatever the bot answers, the purged answers are not written back.
    const next = await owner.post({ type: 'message', text: fr.t('common:menu.resume') });
    expect(next.status).toBe(200);
    await new HttpConversation(server.url, owner.userId).say('bonjour');
    expect(stateText(server.dataDir)).not.toContain('Cévennes Plasturgie Oubliée');
  });
});
