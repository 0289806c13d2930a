import 'dotenv/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTeamsPackage } from './teams/teamsPackageBuilder.js';
import { TeamsPackageError } from './teams/teamsSettings.js';

/**
 * `npm run teams:package [-- --out <folder>]`: the zip to upload to Teams (dist/appPackage/alize-teams.zip by
 * default), built from appPackage/ and the environment (MicrosoftAppId, TEAMS_APP_ID, PUBLIC_HOST…).
 */
const DEFAULT_OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../appPackage');

function outDirFrom(args: string[]): string {
  const index = args.indexOf('--out');
  if (index === -1) return DEFAULT_OUT;
  const value = args[index + 1];
  if (!value) throw new TeamsPackageError(['--out needs a folder']);
  return path.resolve(value);
}

try {
  const built = buildTeamsPackage(process.env, outDirFrom(process.argv.slice(2)));
  const { settings } = built;
  console.log(`Teams package: ${built.zipPath}`);
  console.log(`  files: ${built.files.join(', ')}`);
  console.log(`  Teams app id ${settings.teamsAppId}, bot id ${settings.botId}, version ${settings.version}`);
  if (!settings.publicHost) {
    console.log(
      '  PUBLIC_HOST is not set: validDomains is empty and the developer link points to the CCI site',
    );
  }
} catch (error) {
  if (!(error instanceof TeamsPackageError)) throw error;
  console.error(error.message);
  process.exit(1);
}
