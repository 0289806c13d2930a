import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `npm run build` puts Microsoft's prebuilt Web Chat bundle and where the server serves it from:
 * dist/public/webchat, two levels above the compiled file (dist/bot/webPage/). botframework-webchat is a dev
 * dependency: a production install (`npm ci --omit=dev` after a build) has only this copy.
 */
export const WEB_CHAT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../public/webchat',
);
const BUNDLE = 'webchat.js';
const VERSION = 'version.json';

export interface WebChatBundle {
  file: string;
  /** botframework-webchat's version, for cache busting. */
  version: string;
}

/** The copied bundle, or null when it is missing (the build did not run, or its copy failed). */
export function readWebChatBundle(dir: string = WEB_CHAT_DIR): WebChatBundle | null {
  const file = path.join(dir, BUNDLE);
  try {
    if (!fs.statSync(file).isFile()) return null;
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, VERSION), 'utf8')) as { version?: unknown };
    return { file, version: typeof version === 'string' ? version : 'unknown' };
  } catch {
    return null;
  }
}

/** The bundle inside the installed botframework-webchat package (its `exports` hide dist/ from resolve). */
export function installedWebChat(): WebChatBundle | null {
  try {
    const require = createRequire(import.meta.url);
    const root = path.resolve(path.dirname(require.resolve('botframework-webchat')), '..');
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    return { file: path.join(root, 'dist', BUNDLE), version };
  } catch {
    return null;
  }
}

/** Copies the installed bundle into `dir` (the file first, then its version: a half copy is never read). */
export function copyWebChatBundle(source: WebChatBundle, dir: string = WEB_CHAT_DIR): WebChatBundle {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, BUNDLE);
  fs.rmSync(path.join(dir, VERSION), { force: true });
  fs.copyFileSync(source.file, `${file}.tmp`);
  fs.renameSync(`${file}.tmp`, file);
  fs.writeFileSync(path.join(dir, VERSION), `${JSON.stringify({ version: source.version })}\n`);
  return { file, version: source.version };
}
