import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const STAND_INS = new URL('../../bot/lazyRecognizers.js', import.meta.url).href;

/**
 * The server's entry puts stand-ins for Microsoft's recognizer bundles in require's cache (memory, issue 19). Jest
 * has a module registry of its own, so this runs in a plain Node process, as the server does: stand-ins first,
 * then botbuilder-dialogs, then a French ConfirmPrompt and ChoicePrompt on botbuilder's TestAdapter.
 */
const SCRIPT = `
const { loadedRecognizers } = await import(${JSON.stringify(STAND_INS)});
const { ChoicePrompt, ConfirmPrompt, DialogSet, DialogTurnStatus } = await import('botbuilder-dialogs');
const { ConversationState, MemoryStorage, TestAdapter } = await import('botbuilder');
const atImport = [...loadedRecognizers];
const state = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(state.createProperty('dialogs'));
dialogs.add(new ConfirmPrompt('confirm', undefined, 'fr-fr'));
dialogs.add(new ChoicePrompt('choice', undefined, 'fr-fr'));
const results = [];
const adapter = new TestAdapter(async (context) => {
  const dc = await dialogs.createContext(context);
  const turn = await dc.continueDialog();
  if (turn.status === DialogTurnStatus.empty) {
    const id = context.activity.text === 'choix' ? 'choice' : 'confirm';
    await dc.prompt(id, { prompt: '?', choices: ['rouge', 'vert', 'bleu'] });
  } else if (turn.status === DialogTurnStatus.complete) {
    results.push(turn.result);
  }
  await state.saveChanges(context);
});
await adapter.send('question').send('oui').send('choix').send('le deuxième').send('choix').send('3');
console.log(JSON.stringify({ atImport, results, loaded: [...loadedRecognizers].sort() }));
`;

interface Outcome {
  atImport: string[];
  results: unknown[];
  loaded: string[];
}

function runInNode(): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      // From the project root, where botbuilder-dialogs resolves as it does for the server.
      { cwd: fileURLToPath(new URL('../../..', import.meta.url)) },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Outcome);
      },
    );
  });
}

describe('recognizer bundles deferred by the server entry', () => {
  test('importing botbuilder-dialogs loads none of them; a French yes/no or choice prompt still understands the answer, loading only what it uses', async () => {
    const { atImport, results, loaded } = await runInNode();
    expect(atImport).toEqual([]);
    expect(results).toEqual([
      true,
      expect.objectContaining({ value: 'vert', index: 1 }),
      expect.objectContaining({ value: 'bleu', index: 2 }),
    ]);
    expect(loaded).toEqual(['@microsoft/recognizers-text-choice', '@microsoft/recognizers-text-number']);
  }, 60_000);
});
