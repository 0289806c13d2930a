import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function canCreateIn(folder: string): boolean {
  const probe = path.join(folder, `.probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'x');
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a folder and everything under it unwritable, as a read-only mount would: permissions first, and
 * as root (who ignores them) the immutable attribute. Returns the function that undoes it.
 */
export function makeReadOnly(folder: string): () => void {
  const folders = [
    folder,
    ...fs
      .readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .map((name) => path.join(folder, name))
      .filter((entry) => fs.statSync(entry).isDirectory()),
  ];
  for (const entry of folders) fs.chmodSync(entry, 0o555);
  if (!canCreateIn(folder)) return () => folders.forEach((entry) => fs.chmodSync(entry, 0o755));
  execFileSync('chattr', ['-R', '+i', folder]);
  if (canCreateIn(folder)) throw new Error(`could not make ${folder} read-only`);
  return () => {
    execFileSync('chattr', ['-R', '-i', folder]);
    for (const entry of folders) fs.chmodSync(entry, 0o755);
  };
}
