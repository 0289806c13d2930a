import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadProgrammeSettings } from '../../dialogs/domain/programmeSettings.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The default programme settings with a call for applications open around today, so that simulated applicants
 * can submit whatever day the bench runs (the server reads the real clock). Returns the file's path.
 */
export function writeBenchSettings(folder: string, defaultsFile = 'programme/alize.settings.json'): string {
  const settings = JSON.parse(readFileSync(defaultsFile, 'utf8')) as Record<string, unknown>;
  const now = Date.now();
  settings.calls = [
    { opensOn: isoDay(new Date(now - 30 * DAY_MS)), closesOn: isoDay(new Date(now + 90 * DAY_MS)) },
  ];
  settings.committeeDates = [isoDay(new Date(now + 120 * DAY_MS))];
  const file = path.join(folder, 'bench.settings.json');
  writeFileSync(file, JSON.stringify(settings, null, 2));
  loadProgrammeSettings(file); // fail here, with the settings' own message, rather than in the child process
  return file;
}
