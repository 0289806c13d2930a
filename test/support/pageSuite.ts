import type { Browser } from 'playwright-core';
import type { RunningApp } from '../../bot/app.js';
import { launch } from './chromium.js';
import { serverForSuite } from './httpServer.js';

export interface PageSuite {
  /** The real server on a fresh DATA_DIR, for the tests of the enclosing block. */
  readonly app: RunningApp;
  readonly dataDir: string;
  /** Debian's Chromium, launched once for the block. */
  readonly browser: Browser;
}

/** The server and a Chromium for the web page's tests of the enclosing describe block, closed after them. */
export function pageSuite(): PageSuite {
  const server = serverForSuite();
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return {
    get app() {
      return server.app;
    },
    get dataDir() {
      return server.dataDir;
    },
    get browser() {
      if (!browser) throw new Error('pageSuite: Chromium runs only inside the tests of its block');
      return browser;
    },
  };
}
