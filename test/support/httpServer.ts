import fs from 'node:fs';
import type { AppOverrides, RunningApp } from '../../bot/app.js';
import { startTestServer, tempDataDir } from './httpBot.js';

export interface SuiteServer {
  /** The running server; only inside the tests of the block that asked for it. */
  readonly app: RunningApp;
  readonly url: string;
  /** Its DATA_DIR, a fresh temporary folder. */
  readonly dataDir: string;
  /** Stops the server and starts it again on the same DATA_DIR (a deployment, a crash and restart). */
  restart(): Promise<void>;
}

/**
 * The real server (restify, CloudAdapter, lowdb files) on a fresh DATA_DIR for the tests of the enclosing
 * describe block: started before them, closed and its folder removed after. With `each`, one per test, so that
 * no test reads what another wrote.
 */
export function serverForSuite(
  options: { prefix?: string; env?: Record<string, string>; overrides?: AppOverrides; each?: boolean } = {},
): SuiteServer {
  let app: RunningApp | undefined;
  let dataDir: string | undefined;
  const start = async (folder: string) => startTestServer(folder, options.env, options.overrides);
  (options.each ? beforeEach : beforeAll)(async () => {
    dataDir = tempDataDir(options.prefix);
    app = await start(dataDir);
  });
  (options.each ? afterEach : afterAll)(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    app = undefined;
    dataDir = undefined;
  });
  const running = (): { app: RunningApp; dataDir: string } => {
    if (!app || !dataDir)
      throw new Error('serverForSuite: the server runs only inside the tests of its block');
    return { app, dataDir };
  };
  return {
    get app() {
      return running().app;
    },
    get url() {
      return running().app.url;
    },
    get dataDir() {
      return running().dataDir;
    },
    async restart() {
      const current = running();
      await current.app.close();
      app = await start(current.dataDir);
    },
  };
}
