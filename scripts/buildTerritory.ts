/**
 * Writes the INSEE codes of the communes of an EPCI into the programme settings (territory.inseeCodes), from the
 * offline data of @etalab/decoupage-administratif. The EPCI is `territory.epci` of the file unless given here.
 *
 *   node dist/scripts/buildTerritory.js [settings file] [EPCI SIREN]
 *   (defaults: programme/alize.settings.json, the file's territory.epci)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseProgrammeSettings } from '../dialogs/domain/programmeSettings.js';

interface EpciRecord {
  code: string;
  nom: string;
  membres: { code: string; nom: string }[];
}

interface SettingsFile {
  territory?: { epci?: string | null; inseeCodes?: string[] };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Formats like the repository's Prettier when it is installed, so `prettier --check` stays green. */
async function formatted(json: string, filepath: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    return await prettier.format(json, { ...options, filepath });
  } catch {
    return json;
  }
}

async function main(): Promise<void> {
  const settingsPath = process.argv[2] ?? 'programme/alize.settings.json';
  const settings = readJson<SettingsFile>(settingsPath);
  const epciCode = process.argv[3] ?? settings.territory?.epci;
  if (!epciCode || !settings.territory) {
    throw new Error(
      `${settingsPath}: give an EPCI SIREN (argument or territory.epci) and a territory section`,
    );
  }
  const require = createRequire(import.meta.url);
  const epcis = readJson<EpciRecord[]>(require.resolve('@etalab/decoupage-administratif/data/epci.json'));
  const epci = epcis.find((candidate) => candidate.code === epciCode);
  if (!epci) throw new Error(`EPCI ${epciCode} is not in @etalab/decoupage-administratif`);

  const inseeCodes = epci.membres.map((member) => member.code).sort();
  settings.territory.epci = epciCode;
  settings.territory.inseeCodes = inseeCodes;
  // Refuse to write a file the bot would then refuse at start-up.
  parseProgrammeSettings(settings, settingsPath);
  writeFileSync(settingsPath, await formatted(`${JSON.stringify(settings, null, 2)}\n`, settingsPath));
  console.log(`${settingsPath}: ${inseeCodes.length} communes of ${epci.nom} (EPCI ${epciCode})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
