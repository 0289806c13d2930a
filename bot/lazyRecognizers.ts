import { createRequire, Module } from 'node:module';

/**
 * botbuilder-dialogs requires Microsoft's recognizers at import (prompts/promptCultureModels, confirmPrompt,
 * datetimePrompt, numberPrompt, choices/recognizeChoices): four UMD bundles whose source text alone keeps about
 * 18 MB of heap, and 0.3 s of start-up, although our dialogs use none of its prompts (our questions are read by
 * our French layer). Imported by the server's entry before anything imports botbuilder-dialogs, this puts in
 * require's cache, under each bundle's resolved file, a stand-in that loads the real bundle on its first real use:
 * a ChoicePrompt or ConfirmPrompt added later still works, it only pays the load then.
 *
 * At import botbuilder-dialogs only reads `__esModule` (TypeScript's __importStar) and `Culture`'s language codes
 * (promptCultureModels): the stand-in answers those from the recognizers' small common package, the same codes.
 */
export const DEFERRED_RECOGNIZERS = [
  '@microsoft/recognizers-text-suite',
  '@microsoft/recognizers-text-choice',
  '@microsoft/recognizers-text-date-time',
  '@microsoft/recognizers-text-number',
] as const;

type Exports = Record<PropertyKey, unknown>;

const ownRequire = createRequire(import.meta.url);
const dialogsRequire = createRequire(ownRequire.resolve('botbuilder-dialogs'));

/** The bundles that have really been loaded since the stand-ins were installed (the memory test reads it). */
export const loadedRecognizers = new Set<string>();

function standIn(name: string, file: string): Exports {
  let real: Exports | undefined;
  const load = (): Exports => {
    if (real === undefined) {
      delete ownRequire.cache[file];
      real = ownRequire(file) as Exports;
      loadedRecognizers.add(name);
    }
    return real;
  };
  // Culture holds the language codes only; the small package's class has the same ones as every bundle's.
  const culture = (): unknown =>
    real?.Culture ?? (dialogsRequire('@microsoft/recognizers-text') as Exports).Culture;
  return new Proxy<Exports>(
    {},
    {
      get: (_target, key) => {
        if (key === '__esModule') return true;
        if (key === 'Culture') return culture();
        return load()[key];
      },
      has: (_target, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        // A proxy may not report a non-configurable property its (empty) target lacks.
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
      },
    },
  );
}

/** Installs the stand-ins once; a bundle already loaded (a test that imported botbuilder-dialogs) is kept. */
export function deferRecognizers(): void {
  for (const name of DEFERRED_RECOGNIZERS) {
    let file: string;
    try {
      file = dialogsRequire.resolve(name);
    } catch {
      continue; // a botbuilder-dialogs that no longer needs it: nothing to defer
    }
    if (ownRequire.cache[file] !== undefined) continue;
    const module = new Module(file);
    module.filename = file;
    module.loaded = true;
    module.exports = standIn(name, file);
    ownRequire.cache[file] = module;
  }
}

deferRecognizers();
