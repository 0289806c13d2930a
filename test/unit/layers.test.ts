import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

// The project's own lint configuration, run as `npm run lint:code` runs it: dist/test/unit/ → the root.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'eslint.config.js') });

/** The rules a snippet breaks when it sits at `file` (a path of the project). */
async function brokenRules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

describe('the layers are enforced by lint', () => {
  test('the domain imports no Bot Framework', async () => {
    const code = "import { CardFactory } from 'botbuilder';\nexport const card = CardFactory;\n";
    expect(await brokenRules('dialogs/domain/newRule.ts', code)).toContain('no-restricted-imports');
    expect(await brokenRules('dialogs/french/newParser.ts', code)).toContain('no-restricted-imports');
  });

  test('the domain imports neither storage, nor the server, nor the committee tools', async () => {
    for (const from of [
      '../../storage/lowdbStorage.js',
      '../../bot/logger.js',
      '../../committee/statusService.js',
    ]) {
      const code = `import * as outer from '${from}';\nexport const used = outer;\n`;
      expect(await brokenRules('dialogs/domain/newRule.ts', code)).toContain('no-restricted-imports');
    }
  });

  test('storage reads the domain, but no dialog, server or committee module', async () => {
    const domain =
      "import { FIELD_REGISTRY } from '../dialogs/domain/fieldRegistry.js';\nexport const r = FIELD_REGISTRY;\n";
    expect(await brokenRules('storage/newStore.ts', domain)).toEqual([]);
    for (const from of [
      '../dialogs/recap.js',
      '../dialogs/advisor/fileCard.js',
      '../bot/logger.js',
      '../committee/statusService.js',
    ]) {
      const code = `import * as outer from '${from}';\nexport const used = outer;\n`;
      expect(await brokenRules('storage/newStore.ts', code)).toContain('no-restricted-imports');
    }
  });

  test('an import cycle is refused (nafCodes.ts ← naf.ts, imported back)', async () => {
    const code =
      "import { ACTIVITY_CATEGORIES } from './naf.js';\nexport const categories = ACTIVITY_CATEGORIES;\n";
    expect(await brokenRules('dialogs/domain/nafCodes.ts', code)).toContain('import-x/no-cycle');
  });
});
