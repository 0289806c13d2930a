import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appSettingNames } from '../../scripts/infra/bicepOutline.js';
import { infraProblems, settingsReadByCode } from '../../scripts/infra/infraProblems.js';

// The project's own azure.yaml and infra/ (tests run from the project root); the Bicep compiler is not on the npm
// registry, so this is the check that runs here (docs/deploy-azure.md).
const ROOT = process.cwd();

/** A copy of what the check reads, with one file changed: the check must then name the problem. */
function problemsAfter(file: string, change: (text: string) => string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-infra-'));
  try {
    for (const part of ['azure.yaml', 'infra', 'bot', 'storage']) {
      fs.cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
    }
    const target = path.join(dir, file);
    const before = fs.readFileSync(target, 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    fs.writeFileSync(target, after);
    return infraProblems(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the azd template', () => {
  it('passes the check: links, params, outputs, app settings and the properties the issue asks for', () => {
    expect(infraProblems(ROOT)).toEqual([]);
  });

  it('gives the web app the settings the server needs in Azure, each one a setting the server reads', () => {
    const settings = appSettingNames(path.join(ROOT, 'infra/main.bicep'));
    expect(settings).toEqual(
      expect.arrayContaining([
        'STORAGE',
        'MicrosoftAppId',
        'MicrosoftAppType',
        'COMMITTEE_TOKEN',
        'ADVISOR_IDS',
      ]),
    );
    // The names the check compares with: what bot/ and storage/ read.
    const read = settingsReadByCode(ROOT);
    for (const name of [
      'COMMITTEE_TOKEN',
      'PORT',
      'MicrosoftAppType',
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
    ]) {
      expect([name, read.has(name)]).toEqual([name, true]);
    }
    expect(read.has('COMITTEE_TOKEN')).toBe(false);
  });

  it('starts the web app as `npm start` does, with the same node flags (the heap size)', () => {
    const start = (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        scripts: { start: string };
      }
    ).scripts.start;
    const bicep = fs.readFileSync(path.join(ROOT, 'infra/modules/appService.bicep'), 'utf8');
    expect(/appCommandLine:\s*'([^']*)'/.exec(bicep)?.[1]).toBe(start);
  });

  it('keeps secrets out of the app settings: Key Vault references only', () => {
    const main = fs.readFileSync(path.join(ROOT, 'infra/main.bicep'), 'utf8');
    for (const secret of [
      'COMMITTEE_TOKEN',
      'DIRECT_LINE_SECRET',
      'ADVISOR_OIDC_CLIENT_SECRET',
      'AZURE_STORAGE_CONNECTION_STRING',
    ]) {
      expect([secret, new RegExp(`${secret}: '@Microsoft\\.KeyVault\\(SecretUri=`).test(main)]).toEqual([
        secret,
        true,
      ]);
    }
  });

  it('names a misspelt app setting, a param a module lacks, an unknown output, an open brace, an old Node', () => {
    expect(
      problemsAfter('infra/main.bicep', (t) =>
        t.replace("STORAGE: 'azure'", "STORAGE: 'azure'\n        COMITTEE_TOKEN: 'x'"),
      ),
    ).toEqual(['main.bicep: app setting COMITTEE_TOKEN is read by nothing (bot/config.ts, storage/)']);
    expect(problemsAfter('infra/main.bicep', (t) => t.replace('    sku: botSku\n', ''))).toEqual([
      'main.bicep line 104, module bot: required param sku is not given',
    ]);
    expect(
      problemsAfter('infra/main.bicep', (t) =>
        t.replace('storage.outputs.blobUrl\n', 'storage.outputs.blobURL\n'),
      ),
    ).toContain('main.bicep: storage.outputs.blobURL is not an output of storage');
    expect(
      problemsAfter('infra/modules/bot.bicep', (t) => t.replace('sku: { name: sku }', 'sku: { name: sku ')),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^bot\.bicep: line \d+: /)]));
    expect(
      problemsAfter('infra/modules/appService.bicep', (t) => t.replace("'NODE|22-lts'", "'NODE|20-lts'")),
    ).toEqual([
      "modules/appService.bicep: Linux, Node 22 or 24 LTS (linuxFxVersion:\\s*'NODE\\|(22|24)-lts') not found",
    ]);
    expect(problemsAfter('azure.yaml', (t) => t.replace('host: appservice', 'host: containerapp'))).toEqual([
      'azure.yaml: service bot must be host: appservice',
    ]);
  });
});
