import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withFileLock } from '../../storage/fileLock.js';

describe('the file lock cleans up after crashed processes', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alize-lock-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const leftover = (name: string, ageMs: number): string => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, JSON.stringify({ pid: 999999, token: 'dead' }));
    const at = new Date(Date.now() - ageMs);
    fs.utimesSync(file, at, at);
    return name;
  };

  test('old .lock.*.draft and .stale files of a killed process are removed at the next lock', async () => {
    const lockPath = path.join(folder, 'applications.json.lock');
    leftover('applications.json.lock.999999.0123abcd0123abcd.draft', 60 * 60_000);
    leftover('applications.json.lock.999999.89abcdef.stale', 60 * 60_000);
    const fresh = leftover('applications.json.lock.4242.fedcba9876543210.draft', 0);
    const unrelated = leftover('ALZ-2026-0001.json', 60 * 60_000);

    const result = await withFileLock(lockPath, async () => 'done');

    expect(result).toBe('done');
    // A draft of a moment ago may belong to a process taking the lock right now: left alone.
    expect(fs.readdirSync(folder).sort()).toEqual([unrelated, fresh].sort());
  });

  test('taking and releasing the lock many times leaves nothing behind', async () => {
    const lockPath = path.join(folder, 'state.json.lock');
    await Promise.all(Array.from({ length: 20 }, () => withFileLock(lockPath, async () => undefined)));
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
