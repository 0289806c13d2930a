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
  const entries = [
    folder,
    ...fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => path.join(folder, name)),
  ];
  const folders = entries.filter((entry) => fs.statSync(entry).isDirectory());
  for (const entry of folders) fs.chmodSync(entry, 0o555);
  if (!canCreateIn(folder)) return () => folders.forEach((entry) => fs.chmodSync(entry, 0o755));
  // Files and folders only: the state owner's socket has no attributes to set.
  const kept = entries.filter((entry) => fs.statSync(entry).isDirectory() || fs.statSync(entry).isFile());
  execFileSync('chattr', ['+i', ...kept]);
  if (canCreateIn(folder)) throw new Error(`could not make ${folder} read-only`);
  return () => {
    execFileSync('chattr', ['-i', ...kept]);
    for (const entry of folders) fs.chmodSync(entry, 0o755);
  };
}
