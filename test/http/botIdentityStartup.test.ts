import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Localizer } from '../../bot/i18n.js';

const INDEX = fileURLToPath(new URL('../../bot/index.js', import.meta.url));
const PROGRAMME = fileURLToPath(new URL('../../../programme/alize.settings.json', import.meta.url));
const APP_ID = '0b1c7bd2-25b1-4f19-9bbd-1a6c8bd46a87';
const TENANT = '5a0c4f1e-2b7d-4c1e-9a55-3f0e2d6c1b0a';
const localizer = new Localizer();

/** `npm start` with that environment: its exit code and stderr, or `listening` once it serves (then stopped). */
function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; listening: boolean }> {
  return new Promise((resolve, reject) => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-identity-'));
    const child = spawn(process.execPath, [INDEX], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: cwd,
        PROGRAMME_FILE: PROGRAMME,
        ...env,
      },
    });
    let stderr = '';
    let listening = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!listening && chunk.includes('"event":"listening"')) {
        listening = true;
        child.kill('SIGTERM');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      fs.rmSync(cwd, { recursive: true, force: true });
      resolve({ code, stderr, listening });
    });
  });
}

describe('start-up with an Azure Bot identity', () => {
  test('an app id without MicrosoftAppTenantId (SingleTenant by default) does not start, and says why in French and English', async () => {
    const { code, stderr, listening } = await start({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
    });
    expect(listening).toBe(false);
    expect(code).toBe(1);
    for (const language of ['fr', 'en']) {
      expect(stderr).toContain(
        localizer.language(language).t('startup:botIdentity.tenantRequired', { appType: 'SingleTenant' }),
      );
    }
    expect(stderr).not.toContain('not-a-real-secret');
  });

  test('UserAssignedMSI with its tenant id and no password starts (botbuilder accepts the managed identity)', async () => {
    const { listening, stderr } = await start({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
    });
    expect(stderr).toBe('');
    expect(listening).toBe(true);
  });

  test('an existing MultiTenant registration with its password alone still starts', async () => {
    const { listening } = await start({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
    });
    expect(listening).toBe(true);
  });
});
