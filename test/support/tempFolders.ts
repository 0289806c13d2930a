import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Temporary folders of one test file. They are removed when the file is done, after its own afterAll hooks (by
 * the test environment, test/support/tempFolderEnvironment.ts), so a folder a server still writes to is never
 * pulled from under it and a test that forgets to remove its folder leaks nothing.
 */
export const TEMP_FOLDERS = Symbol.for('alize.tempFolders');

type WithFolders = { [TEMP_FOLDERS]?: Set<string> };

function registry(): Set<string> {
  const scope = globalThis as WithFolders;
  return (scope[TEMP_FOLDERS] ??= new Set());
}

/** A new empty folder under the system's temporary folder, removed when the test file is done. */
export function tempFolder(prefix = 'alize-test-'): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  registry().add(folder);
  return folder;
}

/** Removes a folder made elsewhere (a test bot's queue folder) when the test file is done. */
export function removeWhenDone(folder: string): void {
  registry().add(folder);
}

/** Removes every folder of a registry; what the test environment calls at teardown. */
export function removeFolders(folders: Set<string> | undefined): void {
  for (const folder of folders ?? []) fs.rmSync(folder, { recursive: true, force: true });
  folders?.clear();
}
