/**
 * Preloaded into a server by startMemory.ts (`node --expose-gc --import=<this file> dist/bot/index.js`): on
 * SIGUSR2 it collects garbage and writes the live heap to $GC_PROBE_FILE, with the recognizer bundles really loaded
 * (require's cache holding their exports, not bot/lazyRecognizers' stand-ins), so that a measurement reads the
 * very process that served the load. Nothing of it runs in production.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { types } from 'node:util';

const BUNDLE = /recognizers-text[^/]*\/dist\/[^/]+\.umd\.js$/;
const file = process.env.GC_PROBE_FILE;
const gc = globalThis.gc;
if (file !== undefined && gc !== undefined) {
  const cache = createRequire(import.meta.url).cache;
  process.on('SIGUSR2', () => {
    for (let i = 0; i < 3; i++) gc();
    const { heapUsed, heapTotal, external, rss } = process.memoryUsage();
    const recognizerBundles = Object.values(cache)
      .filter((module) => module !== undefined && BUNDLE.test(module.id) && !types.isProxy(module.exports))
      .map((module) => module!.id.slice(module!.id.lastIndexOf('node_modules/') + 'node_modules/'.length));
    writeFileSync(file, JSON.stringify({ heapUsed, heapTotal, external, rss, recognizerBundles }));
  });
}
