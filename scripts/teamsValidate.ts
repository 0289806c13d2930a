import 'dotenv/config';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageProblems } from './teams/packageRules.js';
import { readZip } from './teams/zipReader.js';

/**
 * `npm run teams:validate [-- --package <zip>] [-- --no-atk]`: checks the Teams package built by
 * `npm run teams:package` against the rules of scripts/teams/packageRules.ts, then with Microsoft's own
 * Agents Toolkit CLI (`atk validate --manifest-file`, run through npx, not a dependency of the project).
 * `atk validate --package-file` (the Developer Portal's rules) needs a Microsoft 365 sign-in, so it is not run.
 */
const ATK = '@microsoft/m365agentstoolkit-cli@1.1.17';
const DEFAULT_PACKAGE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../appPackage/alize-teams.zip',
);

const args = process.argv.slice(2);
const packageAt = args.indexOf('--package');
const zipPath = packageAt === -1 ? DEFAULT_PACKAGE : path.resolve(args[packageAt + 1] ?? '');
if (!fs.existsSync(zipPath)) {
  console.error(`No Teams package at ${zipPath}: build it first with npm run teams:package`);
  process.exit(1);
}

const files = readZip(fs.readFileSync(zipPath));
const problems = packageProblems(files, process.env.MicrosoftAppId?.trim() || undefined);
console.log(`Teams package ${zipPath}: ${[...files.keys()].join(', ')}`);
if (problems.length > 0) {
  console.error(`Rules checked here (docs/teams.md): ${problems.length} problem(s)`);
  for (const problem of problems) console.error(`  - ${problem}`);
} else {
  console.log('Rules checked here (docs/teams.md): all passed');
}

let atkFailed = false;
if (!args.includes('--no-atk')) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-teams-validate-'));
  for (const [name, data] of files) fs.writeFileSync(path.join(folder, path.basename(name)), data);
  console.log(`Microsoft's check: npx ${ATK} atk validate --manifest-file (first run downloads it)`);
  const atk = spawnSync(
    'npx',
    [
      '--yes',
      `--package=${ATK}`,
      'atk',
      'validate',
      '--manifest-file',
      path.join(folder, 'manifest.json'),
      '--telemetry',
      'false',
    ],
    // keytar, a native module of the CLI for signing in, does not build offline; validation does not need it.
    { env: { ...process.env, npm_config_ignore_scripts: 'true' }, encoding: 'utf8', timeout: 600_000 },
  );
  fs.rmSync(folder, { recursive: true, force: true });
  const output = `${atk.stdout ?? ''}${atk.stderr ?? ''}`.trim();
  console.log(output.replace(/^/gm, '  '));
  if (atk.error || atk.status !== 0) {
    atkFailed = true;
    console.error(`atk validate failed (${atk.error?.message ?? `exit code ${String(atk.status)}`})`);
  }
}
process.exit(problems.length > 0 || atkFailed ? 1 : 0);
