import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Localizer } from '../../bot/i18n.js';
import { localizationOf, localizationSchemaUrl, renderManifest, type Manifest } from './teamsManifest.js';
import { teamsSettingsFromEnv, type TeamsPackageSettings } from './teamsSettings.js';
import { writeZip } from './zipWriter.js';

/** The project root, two levels above the compiled file (dist/scripts/teams/ → three). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');
export const PACKAGE_FILE_NAME = 'alize-teams.zip';

export interface BuiltPackage {
  zipPath: string;
  settings: TeamsPackageSettings;
  manifest: Manifest;
  files: string[];
}

/**
 * Builds the Teams app package: manifest.json (French, the default language), en.json (English strings), and
 * the two icons, zipped flat as Teams requires.
 */
export function buildTeamsPackage(env: Record<string, string | undefined>, outDir: string): BuiltPackage {
  const version = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const settings = teamsSettingsFromEnv(env, version);
  const template = JSON.parse(
    fs.readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.template.json'), 'utf8'),
  ) as Manifest;
  const localizer = new Localizer();
  const manifest = renderManifest(template, settings, localizer.language('fr').t);
  const english = localizationOf(
    renderManifest(template, settings, localizer.language('en').t),
    localizationSchemaUrl(String(manifest.$schema)),
  );

  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const entries = [
    { name: 'manifest.json', data: json(manifest) },
    { name: 'en.json', data: json(english) },
    { name: 'color.png', data: fs.readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')) },
    { name: 'outline.png', data: fs.readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')) },
  ];
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, PACKAGE_FILE_NAME);
  fs.writeFileSync(zipPath, writeZip(entries));
  return { zipPath, settings, manifest, files: entries.map((e) => e.name) };
}
