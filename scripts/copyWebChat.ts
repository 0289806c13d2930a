import fs from 'node:fs';
import path from 'node:path';
import {
  WEB_CHAT_DIR,
  copyWebChatBundle,
  installedWebChat,
  readWebChatBundle,
} from '../bot/webPage/webChatBundle.js';

/**
 * Part of `npm run build`: copies Microsoft's prebuilt Web Chat bundle from the botframework-webchat dev
 * dependency into dist/public/webchat, which the server serves. Without the package (a production install), an
 * earlier copy is kept; with neither, it stops with the way out.
 */
function main(): number {
  const source = installedWebChat();
  if (!source) {
    const copied = readWebChatBundle();
    if (copied) {
      console.log(`botframework-webchat is not installed: keeping ${copied.file} (${copied.version})`);
      return 0;
    }
    console.error(
      `botframework-webchat is not installed and ${WEB_CHAT_DIR} has no bundle: run "npm ci" (with the dev dependencies), then "npm run build"`,
    );
    return 1;
  }
  const copied = copyWebChatBundle(source);
  const size = (fs.statSync(copied.file).size / 1024 / 1024).toFixed(1);
  console.log(`Web Chat ${copied.version} → ${path.relative(process.cwd(), copied.file)} (${size} MB)`);
  return 0;
}

process.exitCode = main();
