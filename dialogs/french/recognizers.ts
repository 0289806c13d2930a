import { createRequire } from 'node:module';

type Recognizers = typeof import('@microsoft/recognizers-text-suite');
let loaded: Recognizers | undefined;

/**
 * Microsoft's recognizers, loaded on first use: they cost about 0.6 s to load, so what only reads the form's
 * definitions (the committee CLI, storage's field registry) never pays it. The date fallback and the warm-up
 * are the only callers.
 */
export function recognizers(): Recognizers {
  loaded ??= createRequire(import.meta.url)('@microsoft/recognizers-text-suite') as Recognizers;
  return loaded;
}
